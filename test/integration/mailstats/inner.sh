# run inside the sandbox by mailstats.t: the same submissions and queue
# runs with our sendmail and with the reference's, the statistics file
# emptied before each scenario and read after it by both mailstats
# programs.  Into $OUTD: WHO.SCEN.ref / WHO.SCEN.ours (mailstats -P of the
# reference / ours, first line cut), mixed.* (one file updated in turn).
set -u
REFB=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/sendmail
RMS=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/mailstats
OMS=$BUILD/mailstats
ST=/var/log/mail/statistics
bash "$L/postinstall.sh" >/dev/null 2>&1
m() { printf 'Subject: s\n\nbody\n' | $S -Am "$@" >/dev/null 2>&1; }
snap() {
	$RMS -P | sed 1d > "$OUTD/$who.$1.ref"
	$OMS -P | sed 1d > "$OUTD/$who.$1.ours"
	: > $ST
}
for who in ours ref; do
	S=/usr/sbin/sendmail; [ $who = ref ] && S=$REFB
	: > $ST
	m -odi -f carol alice; snap one
	m -odi -f carol alice bob; snap two
	m -odq -f carol alice; snap queued
	$S -Am -q -v >/dev/null 2>&1; snap queuerun
	m -odi -f carol ghost; snap bounce
	m -odq -f carol ghost; $S -Am -q -v >/dev/null 2>&1; snap bounce-queued
	m -odi -f carol pipeme; snap smrsh-refused
	m -odi -f carol fileme devnull; snap files
	m -odi -f bob@example.org alice; snap remote-sender
	m -odi alice; snap root-sender
	m -odi -f '<>' alice; snap null-sender
	python3 -c "import sys; sys.stdout.write('Subject: s\n\n' + 'x' * 5000 + '\n')" |
		$S -Am -odi -f carol alice; snap 5k
	# SMTP (-bs): rejections and discards, once per session
	# one line per pause, longer than sendmail's start: an ASan build on a
	# loaded machine needs more, or HELO meets "traffic before response"
	P=0.5
	grep -q __asan_init "$(readlink -f "$(command -v $S)")" 2>/dev/null && P=1.5
	smtp() { for l in "$@"; do sleep $P; printf '%s\r\n' "$l"; done | $S -Am -bs -odi >/dev/null 2>&1; }
	D=(DATA 'Subject: x' '' hi .)
	smtp 'HELO x' 'MAIL FROM:<friend@example.org>' 'RCPT TO:<alice>' "${D[@]}" QUIT; snap bs-ok
	smtp 'HELO x' 'MAIL FROM:<spammer@example.org>' QUIT; snap bs-rejmail
	smtp 'HELO x' 'MAIL FROM:<friend@example.org>' 'RCPT TO:<nobody@example.com>' QUIT; snap bs-rejrcpt
	smtp 'HELO x' 'MAIL FROM:<friend@example.org>' 'RCPT TO:<nosuchuser>' QUIT; snap bs-unknown
	smtp 'HELO x' 'MAIL FROM:<carol>' 'RCPT TO:<nobody@example.com>' QUIT; snap bs-local-rej
	smtp 'HELO x' 'MAIL FROM:<quiet@example.org>' 'RCPT TO:<alice>' "${D[@]}" QUIT; snap bs-discard
	smtp 'HELO x' 'MAIL FROM:<friend@example.org>' 'RCPT TO:<nobody@example.com>' RSET \
		'MAIL FROM:<friend@example.org>' 'RCPT TO:<disabled@example.com>' QUIT; snap bs-two-rej
	# the daemon: a connection counted
	$S -bd; sleep 1.5
	python3 -c "
import socket, time
s = socket.create_connection(('127.0.0.1', 25), timeout=10); f = s.makefile('rb')
def rd():
    while True:
        l = f.readline()
        if not l or l[3:4] == b' ': return
rd()
for c in ['EHLO x', 'MAIL FROM:<friend@example.org>', 'RCPT TO:<alice>', 'DATA']:
    s.sendall(c.encode() + b'\r\n'); rd()
s.sendall(b'Subject: x\r\n\r\nhi\r\n.\r\n'); rd(); s.sendall(b'QUIT\r\n'); rd()
" >/dev/null 2>&1
	sleep 1.5; snap daemon
	kill "$(head -1 /run/sendmail/mta/sendmail.pid)" 2>/dev/null; sleep 1
	rm -f $ST; m -odi -f carol alice; [ -e $ST ] && echo created > "$OUTD/$who.created"
	: > $ST
done
# one file, both programs in turn
: > $ST
m() { printf 'Subject: s\n\nbody\n' | $1 -Am -odi -f carol alice >/dev/null 2>&1; }
m /usr/sbin/sendmail; m $REFB; m /usr/sbin/sendmail; m $REFB
$RMS -P | sed 1d > "$OUTD/mixed.ref"; $OMS -P | sed 1d > "$OUTD/mixed.ours"
$RMS | sed 1d > "$OUTD/mixed.table.ref"; $OMS | sed 1d > "$OUTD/mixed.table.ours"
true
