# run inside a smarthost sandbox by mailstats.t: messages relayed to a fake
# upstream (lib/fakesmtp.py on 127.0.0.1:587; reject-me is refused) by our
# sendmail and the reference's, with a statistics file; into
# $OUTD/WHO.relay the record as the reference's mailstats -P reads it.
set -u
REFB=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/sendmail
RMS=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/mailstats
ST=/var/log/mail/statistics
bash "$L/postinstall.sh" >/dev/null 2>&1
python3 "$L/fakesmtp.py" /var/tmp/fake.log 587 & F=$!
python3 "$L/waitport.py" 127.0.0.1 587
for who in ours ref; do
	S=/usr/sbin/sendmail; [ $who = ref ] && S=$REFB
	: > $ST
	printf 'Subject: via\n\nhello relay\n' |
		$S -Am -odi -OStatusFile=$ST -f alice bob@example.org carol@example.org reject-me@example.org >/dev/null 2>&1
	printf 'Subject: via\n\nhello relay\n' | $S -Am -odi -OStatusFile=$ST -f alice bob@example.org >/dev/null 2>&1
	$RMS -C /etc/mail/sendmail.cf -f $ST -P | sed 1d > "$OUTD/$who.relay"
done
kill $F
true
