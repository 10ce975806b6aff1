#!/bin/sh
# bt-oracle.t -- differential -bt test against the sendmail 8.17.1.9 oracle.
#
# Every case of test/oracle/bt/shared (10,822) is run standalone through
# $SENDMAIL_BIN -bt in a namespace sandbox that reproduces the oracle's
# environment (mail.example.com, fake DNS, passwd, .cf files generated now by
# the reference m4 library, maps built by the reference makemap/newaliases),
# and its stdout+stderr and exit status must be byte-identical to the
# reference's.  One TAP test per config x group file; a file whose only
# failures are listed in test/oracle/bt-expected-failures.txt (or the file
# named by $BT_ORACLE_EXPECTED_FAILURES) is "not ok # TODO".
# Skips (1..0 # SKIP) only where root/namespaces/overlayfs are unavailable or
# the reference cannot be unpacked.  Details: test/oracle/README.md.
#
# Env: SENDMAIL_BIN (binary under test, absolute), TOP (repo root), BUILD
#      (build dir: the failure report goes to $BUILD/bt-oracle/failures.txt),
#      SENDMAIL_REF (unpacked reference, default /opt/sendmail-ref).
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
SENDMAIL_BIN=${SENDMAIL_BIN:-$TOP/build/sendmail}
export SENDMAIL_BIN
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not found"; exit 0; }
exec python3 "$TOP/test/oracle/run_bt.py" --tap --bin "$SENDMAIL_BIN" \
	--report "${BUILD:-$TOP/build}/bt-oracle/failures.txt"
