# run inside the sandbox by qrun-concurrent.t: for each pair of queue
# runners, N messages with unique tokens are queued (by ours, -odq) into a
# fresh queue directory, then both runners start at once over it; when
# both are done the mailbox is saved.  Pairs: ours+ours, ours+reference,
# and ours (flock calls delayed by strace: the window between opening a
# qf and locking it made wide) with ours and with the reference.  Into $OUTD:
#   PAIR.tokens  the tokens queued;  PAIR.mbox  alice's mailbox;
#   PAIR.ls      the queue afterwards
set -u
REFB=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/sendmail
N=${N:-40}
bash "$L/postinstall.sh" >/dev/null 2>&1
run_pair() {
	local pair=$1 a=$2 b=$3 q=/var/spool/mq-$1 i pa pb
	mkdir -m 700 $q; rm -f /var/mail/alice
	for i in $(seq $N); do
		printf 'Subject: %s %s\n\ntoken=%s-%s\n' $pair $i $pair $i |
			sendmail -Am -odq -OQueueDirectory=$q alice
		echo "$pair-$i"
	done > "$OUTD/$pair.tokens"
	$a -Am -q -OQueueDirectory=$q > "$OUTD/$pair.a.out" 2>&1 & pa=$!
	$b -Am -q -OQueueDirectory=$q > "$OUTD/$pair.b.out" 2>&1 & pb=$!
	wait $pa $pb
	# the reference's -q hands the run to a child and returns: wait (at
	# most 30 s) for the queue to empty and a moment for the last mailer
	for i in $(seq 300); do ls $q | grep -q '^qf' || break; sleep 0.1; done
	sleep 1
	cp /var/mail/alice "$OUTD/$pair.mbox" 2>/dev/null
	ls $q > "$OUTD/$pair.ls"
}
run_pair ours-ours sendmail sendmail
run_pair ours-ref sendmail "$REFB"
run_pair ref-ours "$REFB" sendmail
if command -v strace >/dev/null; then
	printf '#!/bin/sh\nexec strace -f -o /dev/null -e trace=flock -e inject=flock:delay_enter=30000 sendmail "$@"\n' > /var/tmp/slow-sendmail
	chmod 755 /var/tmp/slow-sendmail
	run_pair slow-ours /var/tmp/slow-sendmail sendmail
	run_pair slow-ref /var/tmp/slow-sendmail "$REFB"
fi
true
