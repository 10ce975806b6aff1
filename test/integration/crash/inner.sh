# run inside the sandbox by crash.t: messages submitted, delivered and run
# from the queue while SENDMAIL_CRASHPOINT kills the process at one named
# point; each scenario has a queue directory of its own (/var/spool/mq/N),
# so each message sees at most one crash; then one recovery queue run over
# all of them (QueueDirectory=/var/spool/mq/*).  Writes to $OUTD:
#   acks      "token ack group point" per message (ack 1: sendmail exited 0)
#   before.ls / after.ls  "N file" for every file of every queue directory
#   mbox      alice's mailbox; qf/  the control files left at the end
set -u
M=/var/spool/mq
echo 'tempfail: "|tempfail.sh"' >> /etc/aliases
printf '#!/bin/sh\ncat >/dev/null\nexit 75\n' > /etc/mail/smrsh/tempfail.sh
chmod 755 /etc/mail/smrsh/tempfail.sh
bash "$L/postinstall.sh" >/dev/null 2>&1
mkdir -p $M; chmod 700 $M
: > "$OUTD/acks"
seq=0 sc=0
newq() { sc=$((sc + 1)); mkdir -m 700 $M/$sc; }
# submit GROUP POINT CRASHPOINT [sendmail args...]: one message with a
# unique token into the current scenario's queue
submit() {
	local g=$1 p=$2 cp=$3 tok rc
	shift 3
	seq=$((seq + 1))
	tok="tok-$g-$seq"
	printf 'Subject: %s\nMessage-Id: <%s@crash.test>\n\ntoken=%s\n' "$tok" "$tok" "$tok" |
		env ${cp:+SENDMAIL_CRASHPOINT=$cp} sendmail -Am -OQueueDirectory=$M/$sc "$@" >/dev/null 2>&1
	rc=$?
	echo "$tok $([ $rc = 0 ] && echo 1 || echo 0) $g ${p:-none}" >> "$OUTD/acks"
}
# 1. submission (-odq): every step of the commit
for p in "" df-created df-written df-synced tf-created tf-written tf-synced \
	 qf-renamed submit-committed; do
	newq; submit odq "$p" "$p" -odq alice
	newq; submit odq2 "$p" "$p" -odq alice tempfail
done
# 2. -odi: submission and delivery in one process; with a deferred
#    recipient the qf is written a second time (the :2 points)
for p in "" df-synced qf-renamed mailer-before mailer-after mailer-after:2 \
	 requeue-before qf-removed tf-created:2 tf-written:2 tf-synced:2 qf-renamed:2; do
	newq; submit odi "$p" "$p" -odi alice
	newq; submit odi2 "$p" "$p" -odi tempfail alice
done
# 3. -odb: the child delivering after the parent answered
for p in "" mailer-before mailer-after requeue-before qf-removed; do
	newq; submit odb "$p" "$p" -odb alice
done
sleep 1
# 4. queue runs killed at each point (three messages each)
for p in "" qrun-locked mailer-before mailer-after mailer-after:2 requeue-before \
	 qf-removed qf-removed:2 tf-created tf-written tf-synced qf-renamed; do
	newq
	submit q "$p" "" -odq alice
	submit q "$p" "" -odq tempfail alice
	submit q "$p" "" -odq alice
	env ${p:+SENDMAIL_CRASHPOINT=$p} sendmail -Am -OQueueDirectory=$M/$sc -q >/dev/null 2>&1
	echo "${p:-none} $?" >> "$OUTD/qrun.rc"
done
listq() { for d in $M/*; do for f in $(ls $d); do echo "${d##*/} $f"; done; done; }
listq > "$OUTD/before.ls"
# the recovery: files a dead process left are over an hour old by now
find $M -name '[dt]f*' -exec touch -d '-2 hours' {} +
# not orphans yet: a df written just now, an old one somebody holds locked
mkdir -m 700 $M/keep-fresh $M/keep-locked
echo fresh > $M/keep-fresh/df6AM0000000001
echo locked > $M/keep-locked/df6AM0000000002; touch -d '-2 hours' $M/keep-locked/df6AM0000000002
flock $M/keep-locked/df6AM0000000002 -c "touch $OUTD/locked.ready; sleep 30" & LOCKER=$!
for i in $(seq 100); do [ -e $OUTD/locked.ready ] && break; sleep 0.05; done
sendmail -Am -q "-OQueueDirectory=$M/*" >/dev/null 2>&1; echo $? > "$OUTD/recover.rc"
# a second run delivers nothing twice and leaves the same queue
sendmail -Am -q "-OQueueDirectory=$M/*" >/dev/null 2>&1
listq > "$OUTD/after.ls"
kill $LOCKER 2>/dev/null; wait $LOCKER 2>/dev/null
cp /var/mail/alice "$OUTD/mbox" 2>/dev/null
mkdir -p "$OUTD/qf"; for f in $M/*/qf*; do [ -e "$f" ] && cp "$f" "$OUTD/qf/${f#$M/}" 2>/dev/null; done
true
