#!/bin/bash
# smtp-priority.t -- the priority (pri=, the qf's P line, a report's) of
# a message received over SMTP and delivered in the background, as the
# reference computes it: P + RetryFactor while its aliases are expanded
# (an expansion failure's to= line), then, when a recipient was local,
# the df's size plus the header lines plus RecipientFactor for each
# recipient the expansion left; a message for remote recipients only
# keeps the priority it was accepted with.  Also Received's "for" when a
# recipient was named twice.  The same script (smtp-priority/inner.sh)
# runs in a seed sandbox with the reference's sendmail and with ours.
NAME=smtp-priority
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
RUN_BOTH_AT_ONCE=1 run_both "$TOP/test/integration/smtp-priority/inner.sh"
echo "1..4"
ok "the reference recomputed the priority (harness check: pri=30359 for alice)" 'grep -q "pri=30359," $O/ref/log'
ok "an expansion failure is logged at the accepted priority plus RetryFactor" 'grep -q "to=nosuchuser, mailer=local, pri=180024," $O/ours/log'
ok "remote recipients only: the priority as accepted" 'grep -A2 "^== -odb someone@remote.example.net\$" $O/ours/log | grep -q "pri=30024,"'
ok "every line is the reference's" '[ -s $O/ours/log ] && diff $O/ref/log $O/ours/log >&2'
