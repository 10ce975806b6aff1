#!/bin/bash
# Run every case of cases.txt through a sendmail binary in -bt mode and
# print the combined output, one "== case" header per case, then the
# syslog lines the run produced.  A case is a block of cf lines (K, S, O,
# R lines appended to a small base cf; "\t" is a tab) and, after a
# "--" line, the -bt input.  The work directory holds the programs of
# the program map cases and the sockets of socketmap-server.py; it must
# be a fixed path (it appears in messages).  Used both to capture the
# reference's answers (capture.sh) and by test/integration/map-classes.t,
# always inside the oracle sandbox (test/oracle/lib/sbx.sh).
#   run.sh BINARY WORKDIR
set -u
BIN=$1; W=$2; HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$W"; mkdir -p "$W"; chmod 755 "$W"; cd "$W" || exit 2
bash "$HERE/setup.sh" "$W" || exit 2
python3 "$HERE/socketmap-server.py" "$W/sock" 127.0.0.1:7777 "$W/ready" 2> "$W/requests.log" &
SRV=$!
for i in $(seq 100); do [ -e "$W/ready" ] && break; sleep 0.05; done
. "$HERE/../lib/bt-cases.sh"
bt_cases "$BIN" "$HERE/cases.txt" 30
kill "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null
echo "== socketmap requests"
cat "$W/requests.log"
sleep 0.3
echo "== syslog"
# time, pid and envelope id vary; the reference's system-error and
# switch-file lines are not compared (we do not log those yet)
[ -n "${SBX:-}" ] && sed -E 's/^(<[0-9]+>)[A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} /\1/; s/\[[0-9]+\]:/[PID]:/; s/: [0-9A-Za-x]{8}[0-9]{6}: /: QID: /' "$SBX/log/syslog.raw" | grep -v -e 'SYSERR(' -e ': Bad line on '
exit 0
