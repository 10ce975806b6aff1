#!/bin/bash
# submit-edges.t -- submission command lines at the edges, against the
# reference: no recipient at all (the message is read and logged with
# nrcpts=0; exit 64, or 0 with -t), -f "" as the null sender (and the
# From: its own delivery then writes), a bad -B (said, sent anyway, exit
# 64) against a bad -N or -V (nothing sent), an address with unbalanced
# brackets (said, delivered, exit 64), one ruleset 0 refuses (not counted
# in nrcpts=), -bv's order with lists that have an owner and its notice
# log lines.  The same script (submit-edges/inner.sh) runs in a seed
# sandbox with the reference's sendmail and with ours.
NAME=submit-edges
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
RUN_BOTH_AT_ONCE=1 run_both "$TOP/test/integration/submit-edges/inner.sh"
echo "1..5"
ok "the reference sent the bad -B message (harness check)" 'grep -A2 "^=== sendmail -Am -odi -B bogus bob" $O/ref/out | grep -q "^rc=64"'
ok "no recipient: logged with nrcpts=0" 'grep -c "nrcpts=0," $O/ours/syslog | grep -q "^[3-9]"'
ok "a null sender's own delivery writes From: MAILER-DAEMON@..." 'grep -q "^From: MAILER-DAEMON@example.com\$" $O/ours/out'
ok "replies, exit codes and mailboxes are the reference's" '[ -s $O/ours/out ] && diff $O/ref/out $O/ours/out >&2'
ok "the log lines are the reference's" '[ -s $O/ours/syslog ] && diff $O/ref/syslog $O/ours/syslog >&2'
