#!/bin/sh
# l1-daemon-oracle.t -- replay the oracle's logs/l1-daemon-events scenario
# (sendmail -bd -q30m on port 25 of a namespace sandbox, seed config; SMTP
# clients from several addresses: local delivery, relay denied, unknown
# users, connect REJECT, lost connection, no transaction, DSN, aliases,
# size/too many, sender rejects; then a queue run, a local submission and
# SIGTERM) with OUR sendmail ($SENDMAIL_BIN), and compare every transcript
# and every step's syslog lines with the reference's after normalisation.
# One TAP line per step; steps listed in test/oracle/scenario-expected-failures.txt
# (the SMTP client, delivery details) are "not ok # TODO".  Skips only
# without root/namespaces/the reference.  Details: test/oracle/run_scenario.py.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SENDMAIL_BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
export SENDMAIL_BIN BUILD
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not found"; exit 0; }
exec python3 "$TOP/test/oracle/run_scenario.py" --tap --bin "$SENDMAIL_BIN" --tools "$BUILD" \
	--report "$BUILD/scenario-oracle/l1-failures.txt" l1-daemon-events
