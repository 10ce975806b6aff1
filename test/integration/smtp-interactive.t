#!/bin/bash
# smtp-interactive.t -- DeliveryMode=interactive over SMTP (-bs -odi): the
# reference expands a recipient's aliases when the client names it, so an
# alias of an unknown user gets "550 5.1.1 nosuchuser... User unknown" in
# the dialogue (logged at notice), and the message is committed expanded
# (from= counts the expansion, an owner- list split into its clone before
# delivery); in background mode (-odb) the same recipients are accepted
# and fail later.  A RCPT of what an earlier one expanded to is a
# duplicate named by that text ("carol... Recipient ok").  The same script
# (test/integration/smtp-interactive/inner.sh) runs in a seed sandbox with
# the reference's sendmail and with ours; replies and log lines (pri=
# included) must be the reference's.
NAME=smtp-interactive
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/smtp-interactive/inner.sh"
echo "1..5"
ok "the reference refused the alias of an unknown user at RCPT (harness check)" 'grep -q "^550 5.1.1 nosuchuser... User unknown" $O/ref/transcript'
ok "a RCPT of an alias member or a .forward target is a duplicate named by that text" 'grep -q "^250 2.1.5 carol... Recipient ok" $O/ours/transcript && grep -q "^250 2.1.5 dave@example.org... Recipient ok" $O/ours/transcript'
ok "the replies are the reference's" '[ -s $O/ours/transcript ] && diff $O/ref/transcript $O/ours/transcript >&2'
ok "interactive: from= counts the expansion and the owner clone is split (nrcpts=4, clone: owner=alice)" 'grep -q "from=<bob@example.com>, size=[0-9]*, class=0, nrcpts=4," $O/ours/syslog && grep -q "clone: owner=alice" $O/ours/syslog'
ok "the log lines are the reference's" '[ -s $O/ours/syslog ] && diff $O/ref/syslog $O/ours/syslog >&2'
