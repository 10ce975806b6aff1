# run inside the sandbox by daemon-inline.t: our sendmail -bd (seed
# configuration, DeliveryMode=background) on a free loopback port, and
# clients that end their session in the ways the daemon tells apart after
# a 250: QUIT at once, a hang-up, another MAIL at once, silence, half a
# QUIT line.  Each message goes to a file of its own (aliases m1..m6);
# the clients' notes go to $OUTD/clients.out, the log to the caller.
set -u
D=$(cd "$(dirname "$0")" && pwd)
bash "$L/postinstall.sh" >/dev/null 2>&1
CF=/etc/mail/sendmail.cf P=/run/sendmail/mta/sendmail.pid
PORT=$(python3 -c '
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -i "s/^O DaemonPortOptions=.*/O DaemonPortOptions=Port=$PORT, Addr=127.0.0.1, Name=MTA/" $CF
mkdir -m 1777 /var/tmp/box
for k in 1 2 3 4 5 6; do
	echo "m$k: /var/tmp/box/$k" >> /etc/aliases
	install -m 666 /dev/null /var/tmp/box/$k
done
# a file the default user may not write (root's, 0600): that recipient
# fails, the next one in the same delivery must still be written
echo "rootonly: /var/tmp/box/rootonly" >> /etc/aliases
install -m 600 /dev/null /var/tmp/box/rootonly
/usr/sbin/sendmail -bi >/dev/null 2>&1
. "$L/../../integration/lib/newpid.sh"
/usr/sbin/sendmail -bd
pid=$(newpid none)
python3 "$D/clients.py" $PORT /var/tmp/box > "$OUTD/clients.out" 2>&1
# the deliveries end after the sessions: wait for them (a loaded machine
# may need seconds), at most 15 s
sleep 1
for i in $(seq 70); do ls /var/spool/mqueue | grep -q "^[qdt]f" || break; sleep 0.2; done
for k in 1 2 3 4 5 6 rootonly; do
	printf '%s %s\n' "$k" "$(grep -c '^token=' /var/tmp/box/$k)"
done > "$OUTD/boxes"
ls /var/spool/mqueue > "$OUTD/queue.ls"
kill -TERM "$pid"
for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
ps -o pid=,args= -e | grep '[s]endmail' > "$OUTD/left.ps"
true
