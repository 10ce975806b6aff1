# run inside a seed sandbox by daemon-hostile.t (once with the reference's
# sendmail, once with ours): sendmail -bd on 127.0.0.1:2525 with
# Timeout.command and Timeout.datablock of 5 s and MaxRecipientsPerMessage
# 10000; a client sending one byte per second stays connected throughout
# while the hostile clients come one after another (1 MB command lines,
# 1 MB lines in DATA, 10,004 RCPTs, a client stalled mid-DATA and others
# vanishing mid-DATA), with a well-behaved client between them.  The
# 10,000 recipients are relayed (mailertable: example.org ->
# esmtp:[198.51.100.10]) to the sink of clients.py.  Into $OUTD: each
# client's replies, good (token code seconds), delivered (tokens found in
# the mailboxes and the sink), sink.rcpts, queue.ls, syslog, timing.
set -u
D=$(cd "$(dirname "$0")" && pwd)
C="python3 $D/clients.py"
bash "$L/postinstall.sh" >/dev/null 2>&1
CF=/etc/mail/sendmail.cf P=/run/sendmail/mta/sendmail.pid PORT=2525
sed -i -e "s/^O DaemonPortOptions=.*/O DaemonPortOptions=Port=$PORT, Addr=127.0.0.1, Name=MTA/" \
	-e 's/^O MaxRecipientsPerMessage=.*/O MaxRecipientsPerMessage=10000/' $CF
printf 'O Timeout.command=5s\nO Timeout.datablock=5s\n' >> $CF
ip addr add 198.51.100.10/32 dev lo
mkdir -p /var/tmp/sink
$C sink 198.51.100.10 25 /var/tmp/sink & SINK=$!
rm -f /var/mail/*
. "$L/qhelpers.sh"; logmark
. "$D/../lib/newpid.sh"
/usr/sbin/sendmail -bd
pid=$(newpid none)
$C slow $PORT > "$OUTD/slow.out" 2>> "$OUTD/timing" & SLOW=$!
sleep 1
$C good $PORT good1 >> "$OUTD/good"
$C longline $PORT > "$OUTD/longline.out"
$C good $PORT good2 >> "$OUTD/good"
$C longdata $PORT > "$OUTD/longdata.out"
$C good $PORT good3 >> "$OUTD/good"
$C rcpts $PORT 10000 4 > "$OUTD/rcpts.out" 2>> "$OUTD/timing"
# a client stalled in the middle of DATA while a good one is served; then
# it goes, and two vanish mid-DATA: a short message, one long enough to be
# on disk already (60 kB), then one resetting the connection
mkfifo /var/tmp/stall
$C stall $PORT < /var/tmp/stall > "$OUTD/stall.out" & STALL=$!
exec 3> /var/tmp/stall
sleep 1
$C good $PORT good4 >> "$OUTD/good"
exec 3>&-
wait $STALL
$C vanish $PORT 3 close > "$OUTD/vanish.out"
$C vanish $PORT 2000 close >> "$OUTD/vanish.out"
$C vanish $PORT 2000 rst >> "$OUTD/vanish.out"
$C good $PORT good5 >> "$OUTD/good"
wait $SLOW
# background deliveries: wait (60 s at most) for every accepted message
tokens() { { cat /var/mail/* 2>/dev/null; cat /var/tmp/sink/* 2>/dev/null; } | tr -d '\r' | grep -a '^token=' | sort; }
for i in $(seq 600); do
	[ "$(tokens | wc -l)" -ge 107 ] && ! ls /var/spool/mqueue | grep -q . && break
	sleep 0.1
done
sleep 1
tokens > "$OUTD/delivered"
grep -ah '^token=' /var/mail/carol 2>/dev/null > "$OUTD/carol"
cat /var/tmp/sink/* 2>/dev/null | grep -a '^R:' | sort > "$OUTD/sink.rcpts"
ls -A /var/spool/mqueue > "$OUTD/queue.ls"
kill -TERM "$pid"
for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill "$SINK"
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" > "$OUTD/syslog"
true
