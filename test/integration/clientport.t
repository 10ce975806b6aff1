#!/bin/bash
# clientport.t -- ClientPortOptions for outgoing SMTP: the same script
# (test/integration/clientport/inner.sh) runs in a seed sandbox with the
# reference's sendmail and with ours, delivering to a fake server; what
# the server saw (the client's source address and port, the EHLO name:
# the interface's name with Modifiers=h, no STARTTLS with Modifiers=S)
# must be the reference's, setting by setting.
NAME=clientport
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/clientport/inner.sh"
echo "1..4"
ok "the reference's run reached the server three times (harness check)" '[ "$(grep -c "^session" $O/ref/sessions)" = 3 ]'
ok "what the server saw: the reference's" '[ -s $O/ours/sessions ] && diff $O/ref/sessions $O/ours/sessions >&2'
ok "ours: from 127.0.0.2 port 2600 as out.example.com, no STARTTLS" 'sed -n "/^session 2/,/^session 3/p" $O/ours/sessions | grep -q "^session 2 from 127.0.0.2 port fixed" && sed -n "/^session 2/,/^session 3/p" $O/ours/sessions | grep -q "^C: EHLO out.example.com" && ! sed -n "/^session 2/,/^session 3/p" $O/ours/sessions | grep -q STARTTLS'
ok "ours: Addr= alone binds the address, any port" 'grep -q "^session 3 from 127.0.0.3 port any" $O/ours/sessions'
