#!/bin/bash
# submit-inject.t -- no CR, LF or NUL given in -f, -F, -V, -N, a recipient,
# or the ENVID and ORCPT parameters over SMTP ever becomes a line of its
# own in a queue file (issue 5): each value carries text that would be an
# R line and an H line if it were split.  The same submissions run with
# the reference's sendmail and with ours (test/integration/submit-inject/
# inner.sh); the exit statuses must agree, and no queue file of ours may
# hold the injected lines.
NAME=inject; . "$(dirname "$0")/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/submit-inject/inner.sh"
CASES="f-lf f-cr F-lf F-cr V-lf N-lf rcpt-lf envid-cr orcpt-cr nul"
echo "1..$(( $(echo $CASES | wc -w) + 3 ))"
for c in $CASES; do
	ok "$c: exit status as the reference's ($(cat $O/ref/$c.rc 2>/dev/null))" "[ -s $O/ours/$c.rc ] && cmp -s $O/ref/$c.rc $O/ours/$c.rc"
done
ok "our queue holds messages (the cases were queued)" "ls $O/ours/queue/qf* >/dev/null 2>&1"
ok "no queue file of ours has an injected R line" "! grep -q '^RPFD:evil' $O/ours/queue/qf* 2>/dev/null"
ok "no queue file of ours has an injected header field" "! grep -q '^HX-Evil' $O/ours/queue/qf* 2>/dev/null"
