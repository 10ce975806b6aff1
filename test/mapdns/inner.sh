#!/bin/bash
# Runs as PID 1 of the test's namespaces (see sbx.sh): host name
# mail.example.com, loopback only, this directory's resolv.conf and
# hosts bound over /etc's, named serving the zones here on
# 127.0.0.1:53 and rawdns.py (hand-made and hostile answers) on
# 127.0.0.2:53.  Then runs "$@" and stops both servers by their PIDs.
#   inner.sh SCRATCHDIR COMMAND...
set -u
HERE=$(cd "$(dirname "$0")" && pwd); W=$1; shift
hostname mail.example.com
ip link set lo up
mount --bind "$HERE/resolv.conf" /etc/resolv.conf
mount --bind "$HERE/hosts" /etc/hosts
mkdir -p "$W/named"
sed -e "s|@DIR@|$W/named|g" -e "s|@ZONES@|$HERE|g" "$HERE/named.conf.in" > "$W/named/named.conf"
named -g -c "$W/named/named.conf" -n 1 > "$W/named/log" 2>&1 &
NAMED=$!
python3 "$HERE/rawdns.py" 127.0.0.2 53 &
RAW=$!
up=
for i in $(seq 100); do
	if python3 - 2>/dev/null <<'PY'
import socket
def ask(q, server):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.2)
    s.sendto(b"\x00\x01\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00" + q + b"\x00\x01\x00\x01", (server, 53))
    r = s.recv(512); assert r[3] & 15 == 0 and r[7] > 0
ask(b"\x05host1\x07example\x04test\x00", "127.0.0.1")
ask(b"\x01a\x03raw\x04test\x00", "127.0.0.2")
PY
	then up=1; break; fi
	sleep 0.1
done
if [ -z "$up" ]; then
	echo "the DNS servers did not come up:" >&2; cat "$W/named/log" >&2
	kill "$NAMED" "$RAW" 2>/dev/null; exit 3
fi
"$@"
rc=$?
kill "$NAMED" "$RAW" 2>/dev/null
wait "$NAMED" "$RAW" 2>/dev/null
exit $rc
