#!/bin/bash
# sender-forms.t -- the envelope sender as written at delivery: a -f with
# a phrase, a comment or angle brackets gives the bare address in the
# mbox's From_ line and in Return-Path: (also in the copy a bounce
# returns), while a bounce's To: is the sender as given; Received's "for"
# only when one recipient was named once.  The same script
# (sender-forms/inner.sh) runs in a seed sandbox with the reference's
# sendmail and with ours.
NAME=sender-forms
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
RUN_BOTH_AT_ONCE=1 run_both "$TOP/test/integration/sender-forms/inner.sh"
echo "1..5"
ok "the reference wrote the bare address (harness check)" '! grep -q "Return-Path: <Bob Smith" $O/ref/mbox && grep -q "^To: <bob@example.com>" $O/ref/mbox'
ok "From_ and Return-Path: carry the bare address" '! grep -q "^From Bob\|^Return-Path: <Bob\|(Bob)>" $O/ours/mbox && [ -s $O/ours/mbox ]'
ok "a bounce is addressed to the sender as given" 'grep -q "^To: <bob@example.com>\$" $O/ours/mbox && grep -q "^To: Bob Smith <bob@example.com>\$" $O/ours/mbox'
ok "the mailboxes are the reference's" 'diff $O/ref/mbox $O/ours/mbox >&2'
ok "Received's for clauses are the reference's (none for a recipient named twice)" '[ -s $O/ours/received ] && diff $O/ref/received $O/ours/received >&2'
