# run inside the sandbox by daemon-signals.t: sendmail -bd on port 25,
# SIGUSR1 with no session, then with one session open (the client holds
# it after the greeting), then a new client must still be served; then
# SIGTERM.  Into $OUTD: dump (the state-dump lines that do not depend on
# the implementation's own descriptors), served (the later greeting),
# syslog (every line, normalised).
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
. "$L/qhelpers.sh"; logmark
/usr/sbin/sendmail -bd
python3 "$L/waitport.py" 127.0.0.1 25
pid=$(head -1 /run/sendmail/mta/sendmail.pid)
dumps() { grep -c 'end of state dump' "$SBX/log/syslog.raw"; }
wait_dumps() { # N: wait (15 s at most) for the Nth dump to end
	for _ in $(seq 150); do [ "$(dumps)" -ge "$1" ] && return; sleep 0.1; done
}
kill -USR1 "$pid"; wait_dumps 1
python3 - "$OUTD" "$pid" "$SBX/log/syslog.raw" <<'P'
import os, signal, socket, sys, time
out, pid, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = socket.create_connection(("127.0.0.1", 25)); s.settimeout(15)
s.recv(300)                                   # the session's child is up
os.kill(pid, signal.SIGUSR1)
for _ in range(150):
    if open(log, errors="replace").read().count("end of state dump") >= 2:
        break
    time.sleep(0.1)
t = socket.create_connection(("127.0.0.1", 25)); t.settimeout(15)
open(out + "/served", "w").write(t.recv(300).decode("latin-1").split(" ")[0] + "\n")
for c in (s, t):
    c.sendall(b"QUIT\r\n"); c.recv(300); c.close()
P
kill -TERM "$pid"; sleep 1
grep -a 'dumping state\|CurChildren\|--- open file\|--- connection cache\|--- end of state\|SOCK localhost/25->(Transport endpoint is not connected)' \
	"$SBX/log/syslog.raw" | sed -E -f "$L/normalise.sed" | sed -E 's/^.*NOQUEUE: +//; s/^[0-9]+: fl=0x[0-9a-f]+, mode=[0-7]+: //' > "$OUTD/dump"
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" > "$OUTD/syslog"
