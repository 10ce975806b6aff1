#!/bin/bash
# Malformed sendmail.cf lines, rule loops, runaway recursion and
# expansion: our messages and exit status must equal the reference's
# (test/cferrors/expected.out, captured by test/cferrors/capture.sh).
# Runs in a private UTS+network namespace so the host name is the one
# the capture used and no traffic leaves the machine.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${SENDMAIL_BIN:-$TOP/build/sendmail}
D=$TOP/test/cferrors
if [ "$(id -u)" != 0 ] || ! unshare --uts --net true 2>/dev/null; then
	echo "1..0 # SKIP needs root and unshare(1) for a private host name"; exit 0
fi
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
unshare --uts --net bash -c "hostname mail.example.com; ip link set lo up 2>/dev/null; bash '$D/run.sh' '$BIN' '$W/work'" > "$W/got.out" 2>&1
python3 "$TOP/test/lib/compare-cases.py" "$D/expected.out" "$W/got.out"
