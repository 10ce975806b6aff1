# run inside the sandbox by qrun-children.t: local deliveries made slow
# (procmail runs "sleep 2" first), five messages queued, then a queue-runner
# daemon with a 1 s interval (-q1s), with MaxQueueChildren unset, 1 and 2,
# and a persistent runner (-qp1s) with MaxRunnersPerQueue=3, for our
# sendmail and the reference's.  Every 0.5 s for 7 s the daemon's
# direct children (its runners) are counted; once the queue is empty the
# daemon is stopped, its runners allowed to finish, and a foreground run
# delivers anything left.
# Into $OUTD/WHO.CASE: the largest count seen, "mail: N" (messages in
# alice's mailbox), "queue: N" (qf files left).
set -u
REFB=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/sendmail
Q=/var/spool/mqueue
bash "$L/postinstall.sh" >/dev/null 2>&1
# (w: procmail waits for the program; without it ours sees it return at once)
printf ':0 wc\n| sleep 2\n' > /etc/procmailrc
pidof_daemon() { head -1 /run/sendmail/mta/sendmail.pid 2>/dev/null; }
for who in ours ref; do
	S=/usr/sbin/sendmail; [ $who = ref ] && S=$REFB
	for c in none:-q1s one:"-q1s -OMaxQueueChildren=1" two:"-q1s -OMaxQueueChildren=2" \
		qp:"-qp1s -OMaxRunnersPerQueue=3"; do
		rm -f $Q/* /var/mail/alice /run/sendmail/mta/sendmail.pid
		for i in 1 2 3 4 5; do
			printf 'Subject: s%s\n\ntoken=%s\n' $i $i | $S -Am -odq -f carol alice
		done
		$S -Am ${c#*:}
		sleep 0.3
		d=$(pidof_daemon); max=0
		for t in $(seq 14); do
			n=$(ps -o pid= --ppid "$d" 2>/dev/null | wc -l)
			[ "$n" -gt "$max" ] && max=$n
			sleep 0.5
		done
		# stopped once the queue is empty: a runner killed in the middle of
		# a delivery would deliver that message again later
		for t in $(seq 60); do
			ls $Q | grep -q '^qf' || break
			sleep 0.5
		done
		kill "$d" 2>/dev/null
		for t in $(seq 60); do
			[ -z "$(ps -o pid= --ppid "$d" 2>/dev/null)" ] && ! kill -0 "$d" 2>/dev/null && break
			sleep 0.5
		done
		$S -Am -q -v >/dev/null 2>&1
		{ echo "max: $max"
		  echo "mail: $(grep -c '^token=' /var/mail/alice 2>/dev/null)"
		  echo "distinct: $(grep '^token=' /var/mail/alice 2>/dev/null | sort -u | wc -l)"
		  echo "queue: $(ls $Q | grep -c '^qf')"
		} > "$OUTD/$who.${c%%:*}"
	done
done
true
