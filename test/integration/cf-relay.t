#!/bin/sh
# cf-relay.t -- open-relay battery for our seed .cf (test/cf/relay_battery.py).
#
# The classic relay tricks (user%ext@local, "user@ext"@local, ext!user@local,
# @local:user@ext, IP literals, trailing dots, upper case, ...) go through
# check_rcpt with our seed.cf and with the reference's (both run by our
# sendmail in the oracle's seed sandbox): refused (5xx) for an untrusted
# client (198.51.100.5), accepted for RELAY-listed ones (192.0.2.99,
# 127.0.0.1), and ours must give the reference's verdict and reply code.
# Test 2 checks that the reference gives the expected verdicts (validates the
# battery).  Tests listed in test/cf/relay-expected-failures.txt are
# "not ok # TODO".  Skips only without root/namespaces/overlayfs/the reference.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
SENDMAIL_BIN=${SENDMAIL_BIN:-$TOP/build/sendmail}
export SENDMAIL_BIN
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not found"; exit 0; }
exec python3 "$TOP/test/cf/relay_battery.py" --tap --bin "$SENDMAIL_BIN"
