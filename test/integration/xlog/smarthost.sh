# run inside a smarthost sandbox by xlog.t: a message to a fake upstream
# (lib/fakesmtp.py on 127.0.0.1:587: one recipient accepted, one rejected)
# with -X, by our sendmail and the reference's: the SMTP client's side of
# the transcript ("=== CONNECT", replies with their CR, commands, the
# message, the dot) and the report's text and delivery.  Into
# $OUTD/WHO.client, normalised (the upstream numbers its messages).
set -u
REFB=${REF:-/opt/sendmail-ref}/usr/libexec/sendmail/sendmail
bash "$L/postinstall.sh" >/dev/null 2>&1
python3 "$L/fakesmtp.py" /var/tmp/fake.log 587 & F=$!
python3 "$L/waitport.py" 127.0.0.1 587
for who in ours ref; do
	S=/usr/sbin/sendmail; [ $who = ref ] && S=$REFB
	rm -f /var/tmp/xc
	printf 'Subject: via\n\nhello relay\n' |
		$S -Am -odi -X /var/tmp/xc -f alice bob@example.org reject-me@example.org >/dev/null 2>&1
	sed -E -e 's/^[0-9]{5} /PID /' -e 's/[0-9A-Za-x]{8}[0-9]{6}/QID/g' \
	    -e 's/[A-Z][a-z]{2}, [ 0-9]?[0-9] [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} (GMT|[-+][0-9]{4})/DATE/g' \
	    -e 's/<[0-9]{12}\./</' -e 's/\.[0-9]{9,10}\//.EPOCH\//' -e 's/queued as FAKE[0-9]+/queued as FAKE/' /var/tmp/xc > "$OUTD/$who.client"
done
kill $F
true
