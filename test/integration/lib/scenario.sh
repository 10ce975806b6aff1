# scenario.sh -- sourced by the *-oracle.t wrappers of test/oracle
# scenarios: run_scenario NAME replays test/oracle/queue/NAME with our
# sendmail ($SENDMAIL_BIN) and tools ($BUILD), one TAP line per step,
# steps in test/oracle/scenario-expected-failures.txt "not ok # TODO",
# the diffs in $BUILD/scenario-oracle/NAME-failures.txt.
TOP=${TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SENDMAIL_BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
export SENDMAIL_BIN BUILD
run_scenario() {
	command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not found"; exit 0; }
	exec python3 "$TOP/test/oracle/run_scenario.py" --tap --bin "$SENDMAIL_BIN" \
		--tools "$BUILD" --expected-failures "$TOP/test/oracle/scenario-expected-failures.txt" \
		--report "$BUILD/scenario-oracle/$1-failures.txt" "$1"
}
