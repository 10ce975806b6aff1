#!/bin/sh
# q4-maps-oracle.t -- replay the oracle's queue/q4-aliases-maps scenario
# (newaliases, praliases, makemap, editmap, db5.3_dump of the files they
# write, /map in -bt) in a namespace sandbox with OUR sendmail ($SENDMAIL_BIN)
# and our makemap/editmap/praliases from $BUILD where they exist, and compare
# each step's normalised output and exit status with the reference's.
# One TAP line per step; steps listed in test/oracle/scenario-expected-failures.txt
# are "not ok # TODO".  Skips only without root/namespaces/the reference.
# Details: test/oracle/run_scenario.py.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SENDMAIL_BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
export SENDMAIL_BIN BUILD
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not found"; exit 0; }
exec python3 "$TOP/test/oracle/run_scenario.py" --tap --bin "$SENDMAIL_BIN" --tools "$BUILD" \
	--report "$BUILD/scenario-oracle/q4-failures.txt" q4-aliases-maps
