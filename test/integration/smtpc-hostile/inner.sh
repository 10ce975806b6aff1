# inner.sh -- runs inside the sandbox for smtpc-hostile.t: for each mode of
# hostile.py (on 127.0.0.1:25 = relay.example.net, which has no MX), queue
# one message to bob@relay.example.net, run the queue with short timeouts,
# and record the exit status, the to= log line, what is left in the queue
# and the df's text.  $OUTD gets MODE.rc, MODE.log, MODE.queue, MODE.df.
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
T="-O Timeout.initial=2s -O Timeout.helo=2s -O Timeout.mail=2s -O Timeout.rcpt=2s -O Timeout.datainit=2s -O Timeout.datablock=2s -O Timeout.datafinal=2s -O Timeout.quit=2s -O Timeout.connect=2s"
Q=/var/spool/mqueue
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$OUTD/key.pem" -out "$OUTD/cert.pem" \
	-days 2 -subj /CN=relay.example.net >/dev/null 2>&1
for m in $MODES; do
	python3 "$HERE/hostile.py" "$m" 25 "$OUTD/$m.server" "$OUTD/cert.pem" "$OUTD/key.pem" &
	S=$!
	python3 "$L/waitport.py" 127.0.0.1 25
	printf 'Subject: hostile %s\n\nline one\n.leading dot\nline three\n' "$m" |
		sendmail -Am -odq -f alice bob@relay.example.net
	: > "$SBX/log/syslog.raw"
	timeout 60 sendmail -Am $T -q >/dev/null 2>&1
	echo $? > "$OUTD/$m.rc"
	sleep 0.3
	grep -a "to=bob@relay.example.net" "$SBX/log/syslog.raw" | tail -1 > "$OUTD/$m.log" ||
		true
	ls $Q | grep '^qf' > "$OUTD/$m.queue" || true
	cat $Q/df* > "$OUTD/$m.df" 2>/dev/null || true
	kill $S; wait $S 2>/dev/null
	rm -f $Q/qf* $Q/df*
done
