# run inside the sandbox by queue-interchange.t.  For each direction
# (SUB=ref: the reference queues, ours lists and delivers; SUB=ours: the
# reverse), the same message shapes are queued with -odq into the one
# queue directory; both programs' mailq listings are saved; the queue is
# copied aside, run by the reference (-q -v, in the foreground), the
# mailboxes saved; the copy put back, run by ours, the mailboxes saved.
# Files in $OUTD: SUB.mailq.{ours,ref}, SUB.run-{ours,ref}.{alice,bob,carol},
# SUB.run-{ours,ref}.ls (the queue afterwards).
set -u
REFB=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/sendmail
Q=/var/spool/mqueue
bash "$L/postinstall.sh" >/dev/null 2>&1
clean_mail() { rm -f /var/mail/alice /var/mail/bob /var/mail/carol; }
save_mail() { for u in alice bob carol; do cp /var/mail/$u "$OUTD/$1.$u" 2>/dev/null || : > "$OUTD/$1.$u"; done; }
for sub in ref ours; do
	S=sendmail; [ $sub = ref ] && S=$REFB
	rm -f $Q/*; clean_mail
	# plain
	printf 'Subject: plain\n\nplain body\n' | $S -Am -odq alice
	# -t: recipients from To:/Cc:, Bcc: removed
	printf 'To: alice\nCc: carol\nBcc: bob\nSubject: from -t\n\nt body\n' | $S -Am -odq -t
	# 8BITMIME body, a sender with a full name
	printf 'Subject: eight\nMIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\ncaf\351 cr\350me\n' |
		$S -Am -odq -B8BITMIME -f bob -F 'Bob Example' alice
	# DSN options
	printf 'Subject: dsn\n\ndsn body\n' | $S -Am -odq -N failure,delay -R hdrs -V envid.42 carol
	# an alias expanded at queue time (webmaster: alice, bob), and a list
	printf 'Subject: alias\n\nalias body\n' | $S -Am -odq webmaster
	printf 'Subject: continued\n\ncontinued body\n' | $S -Am -odq continued carol
	# the null sender (a bounce's)
	printf 'Subject: null sender\n\nnull body\n' | $S -Am -odq -f '<>' carol
	# a message with a From_ line, dots and a long header
	{ printf 'From someone Thu Jan  1 00:00:00 2026\nSubject: %s\n\n.leading dot\n..two\n' "$(printf 'word%.0s ' $(seq 40))"; } |
		$S -Am -odq bob
	mailq > "$OUTD/$sub.mailq.ours" 2>&1
	$REFB -bp > "$OUTD/$sub.mailq.ref" 2>&1
	mailq -v > "$OUTD/$sub.mailqv.ours" 2>&1
	$REFB -bp -v > "$OUTD/$sub.mailqv.ref" 2>&1
	rm -rf /var/tmp/snap; cp -a $Q /var/tmp/snap
	$REFB -Am -q -v > "$OUTD/$sub.run-ref.out" 2>&1
	save_mail $sub.run-ref; ls $Q > "$OUTD/$sub.run-ref.ls"
	rm -f $Q/*; cp -a /var/tmp/snap/. $Q/; clean_mail
	sendmail -Am -q > "$OUTD/$sub.run-ours.out" 2>&1
	save_mail $sub.run-ours; ls $Q > "$OUTD/$sub.run-ours.ls"
done
true
