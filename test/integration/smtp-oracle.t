#!/bin/sh
# smtp-oracle.t -- replay the oracle's captured sendmail -bs dialogues
# (test/oracle/smtp/shared) with OUR sendmail ($SENDMAIL_BIN) in the
# namespace sandbox and compare each normalised transcript and log with the
# reference's (HELP replies by code).  One TAP line per case; cases listed in
# test/oracle/smtp-expected-failures.txt (daemon mode, AUTH, ...) are
# "not ok # TODO".  Skips without root/namespaces/the reference.
# Details: test/oracle/run_smtp.py.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SENDMAIL_BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
export SENDMAIL_BIN BUILD
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not found"; exit 0; }
exec python3 "$TOP/test/oracle/run_smtp.py" --tap --bin "$SENDMAIL_BIN" \
	--report "$BUILD/smtp-oracle/failures.txt"
