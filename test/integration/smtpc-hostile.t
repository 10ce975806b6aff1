#!/bin/bash
# smtpc-hostile.t -- the SMTP client against a server that misbehaves
# (test/integration/smtpc-hostile/hostile.py): over-long reply lines, a
# reply that never ends, no reply code, binary garbage, the connection
# dropped at every stage, a server that never answers (Timeout.initial and
# Timeout.datafinal shortened to 2 s), a 421 greeting.  Every case must end
# in a deferral with the message still queued, its df unchanged, sendmail
# not killed by a signal and done well within the timeouts; the
# over-long lines are cut, not fatal (delivered); a 550 bounces.  STARTTLS:
# done when offered (the server sees TLS), refused (454): in clear, a
# failed handshake: deferred as the reference ("454 4.7.0 TLS handshake
# failed.").
NAME=smtpc-hostile; . "$(dirname "$0")/lib/seed-sandbox.sh"
HERE=$TOP/test/integration/smtpc-hostile
DEFER="tlsfail endless badcode garbage drop-greeting drop-ehlo drop-mail drop-rcpt drop-data drop-dot slow slow-dot 421"
SENT="ok longline longreply starttls tlsrefuse"
MODES="$SENT $DEFER reject"
start=$(date +%s)
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O HERE=$HERE MODES='$MODES'; bash $HERE/inner.sh" >"$O/inner.out" 2>&1
secs=$(( $(date +%s) - start ))
body=$(printf 'line one\n.leading dot\nline three\n')
set -- $SENT $DEFER reject
echo "1..$(( $# * 2 + 4 ))"
for m in $SENT; do
	ok "$m: delivered (stat=Sent)" "grep -q 'stat=Sent (2.0.0 accepted)' $O/$m.log"
	ok "$m: queue empty, exit 0" "[ ! -s $O/$m.queue ] && [ \"\$(cat $O/$m.rc)\" = 0 ]"
done
for m in $DEFER; do
	ok "$m: deferred (dsn=4.x.x, stat=Deferred)" "grep -q 'dsn=4\.[0-9.]*, .*stat=Deferred' $O/$m.log"
	ok "$m: still queued with its df, sendmail not killed" "[ -s $O/$m.queue ] && [ \"\$(cat $O/$m.df)\" = \"\$body\" ] && [ \"\$(cat $O/$m.rc)\" -lt 128 ]"
done
ok "reject: bounced (dsn=5.1.1, User unknown)" "grep -q 'dsn=5.1.1, reply=550 5.1.1 no such user here, stat=User unknown' $O/reject.log"
ok "reject: not queued any more" "[ ! -s $O/reject.queue ]"
ok "ok: the body went out dot-stuffed, ended by a lone dot" "grep -q '^C: \.\.leading dot' $O/ok.server && grep -q '^C: line three' $O/ok.server && grep -qE '^C: \.\s*$' $O/ok.server"
ok "starttls: the message went over TLS" "grep -q '^TLS: TLSv1' $O/starttls.server && [ \$(grep -c '^C: EHLO' $O/starttls.server) = 2 ]"
ok "tlsfail: the reference's words" "grep -q 'dsn=4.7.0, stat=Deferred: 454 4.7.0 TLS handshake failed.' $O/tlsfail.log"
ok "the whole run took less than 120 s (every wait bounded)" "[ $secs -lt 120 ]"
for f in "$O"/*.log; do echo "# $(basename $f): $(sed 's/.*stat=/stat=/' $f)"; done
