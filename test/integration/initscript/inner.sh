# run inside the sandbox by initscript.t: contrib/init.d/sendmail installed
# as /etc/init.d/sendmail, driven the way operators do (start, status,
# reload, restart, stop, twice each where that must be harmless), with the
# daemon on a free loopback port.  Results into $OUTD (see initscript.t).
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
CF=/etc/mail/sendmail.cf P=/run/sendmail/mta/sendmail.pid INIT=/etc/init.d/sendmail
PORT=$(python3 -c '
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -i "s/^O DaemonPortOptions=.*/O DaemonPortOptions=Port=$PORT, Addr=127.0.0.1, Name=MTA/" $CF
install -m 755 "$TOP/contrib/init.d/sendmail" $INIT
# the SMTP greeting and the reply to QUIT, or "refused"
greet() {
	python3 - "$PORT" <<'PY'
import socket, sys
try:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), 5)
except OSError:
    print("refused"); sys.exit(0)
f = s.makefile("rb")
print(f.readline().decode().rstrip())
s.sendall(b"QUIT\r\n")
print(f.readline().decode().rstrip())
PY
}
. "$(dirname "$0")/../lib/newpid.sh"
smpids() { ps -o pid=,comm= -e | awk '$2 == "sendmail" {print $1}' | tr '\n' ' '; }
$INIT start > "$OUTD/start.out" 2>&1; echo $? > "$OUTD/start.rc"
pid1=$(newpid none); echo "$pid1" > "$OUTD/pid1"
cp $P "$OUTD/pidfile" 2>/dev/null
awk '/^PPid:/ {print $2}' /proc/$pid1/status > "$OUTD/ppid1" 2>/dev/null
greet > "$OUTD/greet1"
$INIT status > "$OUTD/status1.out" 2>&1; echo $? > "$OUTD/status1.rc"
# start again: harmless, same daemon
$INIT start > "$OUTD/start2.out" 2>&1; echo $? > "$OUTD/start2.rc"
sleep 0.5; smpids > "$OUTD/pids.start2"; head -1 $P > "$OUTD/pid.start2"
# reload: SIGHUP, the daemon re-executes and serves again
$INIT reload > "$OUTD/reload.out" 2>&1; echo $? > "$OUTD/reload.rc"
sleep 0.5
pid2=$(newpid none); echo "$pid2" > "$OUTD/pid2"
greet > "$OUTD/greet2"
$INIT status > /dev/null 2>&1; echo $? > "$OUTD/status2.rc"
# restart: a new daemon
$INIT restart > "$OUTD/restart.out" 2>&1; echo $? > "$OUTD/restart.rc"
pid3=$(newpid "$pid2"); echo "$pid3" > "$OUTD/pid3"
kill -0 "$pid2" 2>/dev/null && echo alive > "$OUTD/pid2.after" || echo gone > "$OUTD/pid2.after"
greet > "$OUTD/greet3"
# stop: nothing left
$INIT stop > "$OUTD/stop.out" 2>&1; echo $? > "$OUTD/stop.rc"
sleep 0.5
smpids > "$OUTD/pids.stop"
greet > "$OUTD/greet4"
[ -e $P ] && echo present > "$OUTD/pidfile.after" || echo removed > "$OUTD/pidfile.after"
$INIT status > "$OUTD/status3.out" 2>&1; echo $? > "$OUTD/status3.rc"
# stop when not running: harmless
$INIT stop > "$OUTD/stop2.out" 2>&1; echo $? > "$OUTD/stop2.rc"
# the systemd unit, checked with /usr/sbin/sendmail present
if command -v systemd-analyze >/dev/null 2>&1; then
	systemd-analyze verify --man=no "$TOP/contrib/sendmail.service" > "$OUTD/verify.out" 2>&1
	echo $? > "$OUTD/verify.rc"
else
	echo "no systemd-analyze" > "$OUTD/verify.out"; echo skip > "$OUTD/verify.rc"
fi
# anything left (should be nothing) is stopped by pid
for p in $(smpids); do kill -KILL "$p" 2>/dev/null; done
