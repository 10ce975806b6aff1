#!/bin/sh
# cf-equiv.t -- our m4 library (cf/) against the reference's, outcome by outcome.
#
# For generic-linux, seed, smarthost and submit the .mc is turned into a .cf
# by the reference m4 library and by ours (m4 $TOP/cf/m4/cf.m4 X.mc); our
# sendmail runs the 10,822 cases of the -bt oracle corpus with each, in the
# oracle's namespace sandbox, and the outcomes must agree: /parse triples,
# /try addresses, check_* verdict class and reply code, 3,0 triples, misc
# output (test/cf/btoutcome.py); plus x-try-MAILER-FLAGS groups (/try for the
# mailers the corpus has no group for, both sides run now).  Per config: "m4" (our .cf is generated),
# "load" (it loads like the reference's: no warnings) and "oracle" (harness
# check: with the reference's cf our binary gives the oracle's outcomes);
# then one test per config x group.  Tests listed in
# test/cf/equiv-expected-failures.txt are "not ok # TODO".
# Skips only without root/namespaces/overlayfs/the reference.
# Differences: $BUILD/cf-equiv/failures.txt; details: test/cf/README.md.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
SENDMAIL_BIN=${SENDMAIL_BIN:-$TOP/build/sendmail}
export SENDMAIL_BIN
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not found"; exit 0; }
exec python3 "$TOP/test/cf/run_equiv.py" --tap --bin "$SENDMAIL_BIN" \
	--report "${BUILD:-$TOP/build}/cf-equiv/failures.txt"
