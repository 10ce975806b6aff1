# run inside the sandbox by daemon.t: our sendmail -bd on a free loopback
# port (seed configuration); a load of concurrent clients, SIGHUP, then
# MaxDaemonChildren=2 (set in the cf, picked up by a SIGHUP restart), then
# SIGTERM during a session.  Results into $OUTD (see daemon.t).
set -u
D=$(cd "$(dirname "$0")" && pwd)
NC=${NC:-50} NM=${NM:-50}
bash "$L/postinstall.sh" >/dev/null 2>&1
CF=/etc/mail/sendmail.cf P=/run/sendmail/mta/sendmail.pid
# a free port below the ephemeral range (the clients' own ports must not
# take it while the daemon has its socket closed for MaxDaemonChildren)
PORT=$(python3 -c '
import socket
lo = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
for p in range(min(lo, 30000) - 1, 1024, -1):
    try:
        socket.socket().bind(("127.0.0.1", p)); print(p); break
    except OSError:
        pass')
sed -i "s/^O DaemonPortOptions=.*/O DaemonPortOptions=Port=$PORT, Addr=127.0.0.1, Name=MTA/" $CF
# each client's messages go to a file of its own (alias boxN: file), so
# that deliveries of different clients do not wait on one mailbox lock
# (procmail sleeps seconds on a busy lock); the SIGHUP and SIGTERM
# messages go to alice's procmail mailbox
mkdir -m 1777 /var/tmp/box
for k in $(seq 0 $((NC - 1))); do
	echo "box$k: /var/tmp/box/$k" >> /etc/aliases
	install -m 666 /dev/null /var/tmp/box/$k
done
/usr/sbin/sendmail -bi >/dev/null 2>&1
rm -f /var/mail/alice
. "$(dirname "$0")/../lib/newpid.sh"
mboxes() { cat /var/mail/alice /var/tmp/box/* 2>/dev/null; }
/usr/sbin/sendmail -bd; echo $? > "$OUTD/start.rc"
pid1=$(newpid none); echo "$pid1" > "$OUTD/pid1"
cp $P "$OUTD/pidfile"
ps -o pid=,args= -e > "$OUTD/ps1"
# a second daemon on the same port: the reference's complaints, retried
# (every 5 s, 11 times); stopped here by its pid
/usr/sbin/sendmail -bd; sleep 1
pid2nd=$(ps -o pid=,args= -e | awk -v p="$pid1" '$1 != p && $2 == "/usr/sbin/sendmail" && $3 == "-bd" {print $1}')
echo "$pid2nd" > "$OUTD/pid2nd"
# (the reference's does not stop for SIGTERM while it retries)
if [ -n "$pid2nd" ]; then
	kill -TERM $pid2nd; sleep 0.5
	kill -0 $pid2nd 2>/dev/null && kill -KILL $pid2nd
fi
start=$(date +%s.%N)
python3 "$D/clients.py" load $PORT $NC $NM > "$OUTD/load.out"
echo "$start $(date +%s.%N)" > "$OUTD/load.time"
# background deliveries: wait (at most 300 s) until every message is in a mailbox
for i in $(seq 3000); do
	[ "$(mboxes | grep -c '^token=')" -ge $((NC * NM)) ] && ! ls /var/spool/mqueue | grep -q '^qf' && break
	sleep 0.1
done
sleep 1
mboxes | grep '^token=' | sort > "$OUTD/delivered"
ls /var/spool/mqueue > "$OUTD/queue.ls"
# SIGHUP: the daemon re-executes itself and serves again
kill -HUP "$pid1"
pid2=$(newpid "$pid1"); echo "$pid2" > "$OUTD/pid2"
kill -0 "$pid1" 2>/dev/null && echo alive > "$OUTD/pid1.after" || echo gone > "$OUTD/pid1.after"
python3 "$D/clients.py" one $PORT after-hup > "$OUTD/hup.out"
# MaxDaemonChildren=2, RefuseLA=5 and Timeout.command=3s, read by the
# restarted daemon
printf 'O MaxDaemonChildren=2\nO RefuseLA=5\nO Timeout.command=3s\n' >> $CF
kill -HUP "$pid2"
pid3=$(newpid "$pid2"); echo "$pid3" > "$OUTD/pid3"
python3 "$D/clients.py" mdc $PORT > "$OUTD/mdc.out" 2> "$OUTD/mdc.err"
# Timeout.command: a silent client is dropped
python3 "$D/clients.py" idle $PORT > "$OUTD/idle.out"
# RefuseLA: a load of 8 (faked: sbx_inner.sh bind-mounts $SBX/loadavg over
# /proc/loadavg) closes the sockets within seconds, a load of 0 opens them
echo "8.00 8.00 8.00 1/100 999" > "$SBX/loadavg"
sleep 7
python3 "$D/clients.py" probe $PORT > "$OUTD/la-high.out"
echo "0.00 0.00 0.00 1/100 999" > "$SBX/loadavg"
python3 "$D/clients.py" probe $PORT 15 > "$OUTD/la-low.out"
# SIGTERM in the middle of a session: the session finishes, the daemon is gone
python3 "$D/clients.py" term $PORT $P > "$OUTD/term.out"
for i in $(seq 100); do
	mboxes | grep -q '^token=during-term$' && break; sleep 0.1
done
sleep 1
mboxes | grep -c '^token=after-hup$' > "$OUTD/hup.count"
mboxes | grep -c '^token=during-term$' > "$OUTD/term.count"
for p in $(sed -n 's/^pids //p' "$OUTD/term.out"); do
	kill -0 "$p" 2>/dev/null && echo "$p"
done > "$OUTD/left.pids"
ps -o pid=,args= -e | grep '[s]endmail' > "$OUTD/left.ps"
[ -e $P ] && echo present > "$OUTD/pidfile.after" || echo removed > "$OUTD/pidfile.after"
true
