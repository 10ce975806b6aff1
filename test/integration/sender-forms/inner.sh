# run inside the sandbox by sender-forms.t: command-line submissions with
# the sender given as "<a>", "Name <a>", "a (Comment)" and unqualified,
# to a local user and to an alias of an unknown user (a bounce); and
# recipients named twice.  Into $OUTD: mbox (the From_ lines, To: and
# Return-Path: of what was delivered) and received (the "for" clauses).
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
for f in "bob@example.com" "<bob@example.com>" "Bob Smith <bob@example.com>" "bob@example.com (Bob)" "bob"; do
	printf 'Subject: x\n\nb\n' | sendmail -Am -odi -oem -f "$f" alice >/dev/null 2>&1
	printf 'Subject: x\n\nb\n' | sendmail -Am -odi -oem -f "$f" ghost >/dev/null 2>&1
done
for u in alice bob; do
	echo "== $u"
	grep -a '^From \|^To:\|^Return-Path:' /var/mail/$u | sed -E 's/^(From [^ ]*) .*/\1/'
done > "$OUTD/mbox"
for a in "alice" "alice alice" "alice Alice" "webmaster" "alice@example.com alice"; do
	echo "== $a"
	printf 'Subject: x\n\nb\n' | sendmail -Am -odq $a >/dev/null 2>&1
	grep -a -A2 '^H??Received' /var/spool/mqueue/qf* | grep -a -o 'for [^;]*'
	rm -f /var/spool/mqueue/*
done > "$OUTD/received"
