#!/bin/bash
# inner.sh -- run inside the sandbox by submit-inject.t: submissions whose
# -f, -F, ENVID and ORCPT values carry CR, LF (and NUL over SMTP) followed
# by text that would be a queue-file line of its own.  Each case NAME
# leaves NAME.rc and NAME.out in $OUTD; the queue files are then copied
# to $OUTD/queue (every message is queued with -odq).
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
rm -f /etc/mail/submit.cf
EVIL=$'\nRPFD:evil@example.org\nHX-Evil: injected'
EVILCR=$'\rRPFD:evil@example.org\rHX-Evil: injected'
c() { # name command...
	local n=$1; shift
	"$@" >"$OUTD/$n.out" 2>&1 <<<"Subject: $n

body"
	echo $? >"$OUTD/$n.rc"
}
c f-lf sendmail -odq -f "root${EVIL}" alice
c f-cr sendmail -odq -f "root${EVILCR}" alice
c F-lf sendmail -odq -F "Full${EVIL}" alice
c F-cr sendmail -odq -F "Full${EVILCR}" alice
c V-lf sendmail -odq -V "id${EVIL}" alice
c N-lf sendmail -odq -N "success${EVIL}" alice
c rcpt-lf sendmail -odq "alice${EVIL}"
smtp() { # name lines... (one SMTP session over -bs)
	local n=$1; shift
	# (after the greeting, and after EHLO's reply: the reference refuses
	# a client that talks early or pipelines after EHLO)
	{ sleep 1; printf 'EHLO client.example.org\r\n'; sleep 1
	  printf '%s\r\n' "$@" "DATA" "Subject: $n" "" "body" "." "QUIT"; } |
		sendmail -bs -odq >"$OUTD/$n.out" 2>&1
	echo $? >"$OUTD/$n.rc"
}
smtp envid-cr "MAIL FROM:<root@mail.example.com> ENVID=id${EVILCR}" "RCPT TO:<alice@mail.example.com>"
smtp orcpt-cr "MAIL FROM:<root@mail.example.com>" "RCPT TO:<alice@mail.example.com> ORCPT=rfc822;a${EVILCR}"
# a NUL in the parameters (printf writes it from \000)
{ sleep 1; printf 'EHLO c\r\n'; sleep 1; printf 'MAIL FROM:<root@mail.example.com> ENVID=id\000RPFD:evil@example.org\r\nRCPT TO:<alice@mail.example.com> ORCPT=rfc822;a\000RPFD:evil@example.org\r\nDATA\r\nSubject: nul\r\n\r\nbody\r\n.\r\nQUIT\r\n'; } |
	sendmail -bs -odq >"$OUTD/nul.out" 2>&1
echo $? >"$OUTD/nul.rc"
mkdir -p "$OUTD/queue"
cp /var/spool/mqueue/qf* "$OUTD/queue/" 2>/dev/null
true
