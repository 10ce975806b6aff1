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
