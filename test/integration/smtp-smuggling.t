#!/bin/bash
# smtp-smuggling.t -- the SMTP smuggling defence (CVE-2023-51765) on
# sendmail -bs: test/integration/smtp-smuggling/inner.sh runs a battery of
# fake end-of-data sequences (\n.\n, \r.\r\n, \r\n\0.\r\n, \r\n.\r\r\n, ...)
# each followed by a smuggled MAIL/RCPT/DATA, in a seed sandbox with the
# reference's sendmail and one with ours.  A message is never ended early:
# a bare CR or LF gets "421 4.5.0 Bare ... not allowed" and nothing is
# queued; a smuggled transaction is never queued except when its DATA is
# properly answered (the genuine <CRLF>.<CRLF> case, where it is a real
# second message sent after the first was accepted).  With srv_features
# G (U) a bare LF (CR) is a data byte, never a line end.  Replies, the
# queue and the log lines must be the reference's.
NAME=smtp-smuggling
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/smtp-smuggling/inner.sh"
echo "1..10"
ok "the reference's run produced a transcript (harness check)" 'grep -q "^421 4.5.0 Bare linefeed (LF) not allowed" $O/ref/transcript'
ok "replies identical to the reference's" 'diff $O/ref/transcript $O/ours/transcript >&2'
ok "queue contents identical to the reference's" 'diff $O/ref/queue $O/ours/queue >&2'
ok "log lines identical to the reference's" '[ -s $O/ours/syslog ] && diff $O/ref/syslog $O/ours/syslog >&2'
ok "bare LF/CR cases: 421, nothing queued" '[ "$(grep -c "^421 4.5.0 Bare" $O/ours/transcript)" = 8 ] && [ "$(grep -cE "^(lf-dot-lf|lf-dot-crlf|cr-dot-crlf|crlf-dot-lf|crlf-dot-crcrlf|crlf-dot-cr|bare-lf-body|bare-cr-body) qf=0 evil=0 inbody=0$" $O/ours/queue)" = 8 ]'
ok "no smuggled sender is ever queued" '! grep -q "evil=[1-9]" $O/ours/queue'
ok "NUL before the dot does not end the message: one message, smuggled text inside it" 'grep -q "^crlf-nul-dot qf=1 evil=0 inbody=1" $O/ours/queue'
ok "pipelined DATA of the smuggled transaction refused (554)" '[ "$(grep -c "^554 5.5.0 SMTP protocol error" $O/ours/transcript)" -ge 1 ]'
ok "srv_features G/U (bare LF/CR as data): replies, queue files identical to the reference's" 'diff $O/ref/relaxed $O/ours/relaxed >&2'
ok "srv_features G: the message is accepted whole, the smuggled MAIL stays inside it" '[ "$(grep -c "Message accepted" $O/ours/relaxed)" = 4 ] && grep -q "M   A   I   L" $O/ours/relaxed'
