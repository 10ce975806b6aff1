#!/bin/sh
# cf-variants.t -- our m4 library (cf/) against the reference's for the .mc
# files of test/cf/variants/ (features and hooks the four oracle configs do
# not use).  Each variant names a BASE oracle config (its sandbox and corpus),
# the corpus GROUPS to compare, optional FILES (a tree over the sandbox's /)
# and EXTRA cases; both .cf files are run by our binary and the outcomes must
# agree (test/cf/run_variants.py, which reuses run_equiv.py's comparison).
# Per variant: "oracle" (the reference's .cf is generated cleanly and loads in
# our binary without errors), "m4", "load", then one test per group.  Tests
# listed in test/cf/variants-expected-failures.txt are "not ok # TODO".
# Skips only without root/namespaces/overlayfs/the reference.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
SENDMAIL_BIN=${SENDMAIL_BIN:-$TOP/build/sendmail}
export SENDMAIL_BIN
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not found"; exit 0; }
# The whole comparison takes about 20 minutes on 2 cores; make check runs
# every 4th case of each group (every 16th under the sanitizer build) to stay
# within CI's time; CF_VARIANTS_SAMPLE=1 runs all of them.
case "${BUILD:-}" in
*-san) sample=${CF_VARIANTS_SAMPLE:-16} ;;
*) sample=${CF_VARIANTS_SAMPLE:-4} ;;
esac
exec python3 "$TOP/test/cf/run_variants.py" --tap --bin "$SENDMAIL_BIN" --sample "$sample" \
	--report "${BUILD:-$TOP/build}/cf-variants/failures.txt"
