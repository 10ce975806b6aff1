#!/bin/bash
# xlog.t -- sendmail -X FILE (issue 5): the traffic transcript in the
# reference's format ("PPPPP <<< " lines read, ">>> " lines written, "=== EXEC"
# for a mailer program), for a submission queued (-odq), one delivered at
# once (-odi: the mailer's argv, the message as the mailer got it, its
# output read to "[EOF]"), input ended by a "." line, an SMTP session (-bs:
# commands with their CR, replies, the DATA lines), what the submitter is
# told (-v progress), a queue run, the SMTP client's dialogue with a
# smarthost and the text of the report it returns, an
# existing file appended to, a new file 0644 whatever the umask, and a
# file that cannot be opened (the reference's message, exit 73, nothing
# queued).  Transcripts are compared with the reference's after masking
# pids, queue ids and dates.
NAME=xlog
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O REF=$REF; bash $TOP/test/integration/xlog/inner.sh" >/dev/null 2>&1
# the SMTP client: a second sandbox with the smarthost configuration
SENDMAIL_BIN=$SENDMAIL_BIN "$L/mksbx.sh" "$T/sbx2" smarthost "$T/cf" >/dev/null 2>&1 &&
	"$L/sbx.sh" "$T/sbx2" "export L=$L OUTD=$O REF=$REF; bash $TOP/test/integration/xlog/smarthost.sh" >/dev/null 2>&1
same() { [ -s "$O/ref.$1" ] && diff "$O/ref.$1" "$O/ours.$1" >/dev/null; }
show() { diff "$O/ref.$1" "$O/ours.$1" 2>&1 | sed 's/^/#   /' | head -20; }
echo "1..12"
for c in odq odi dot bs verbose qrun append; do
	ok "$c: the transcript is the reference's" 'same '$c' && same '$c'.rc'
	show $c
done
ok "the SMTP client's side and the report it returns: the reference's" 'same client && grep -q "^PID === CONNECT " $O/ours.client'
show client
ok "a new file is 0644 under umask 077, as the reference's" '[ "$(cat $O/ours.mode)" = 644 ] && [ "$(cat $O/ref.mode)" = 644 ]'
ok "a file that cannot be opened: the reference's message" \
   '[ "$(cat $O/ours.noopen)" = "cannot open /nonexistent/x: No such file or directory" ] && diff $O/ref.noopen $O/ours.noopen >/dev/null'
ok "... exit 73 (EX_CANTCREAT), as the reference" '[ "$(cat $O/ours.noopen.rc)" = 73 ] && [ "$(cat $O/ref.noopen.rc)" = 73 ]'
ok "... and nothing queued" '[ "$(cat $O/ours.noopen.queued)" = 0 ] && [ "$(cat $O/ref.noopen.queued)" = 0 ]'
