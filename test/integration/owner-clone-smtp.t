#!/bin/bash
# owner-clone-smtp.t -- a message received by the daemon for an alias list
# that has an owner- alias: its background delivery splits the list's
# members into a clone sent by the owner ("clone: owner=alice"), as the
# reference does; the same script (test/integration/ownerclone/inner.sh)
# runs against the reference's sendmail -bd and ours.  The clone line, the
# to= lines (priorities and delays masked: the reference's priority after
# expansion is a known difference, scenario-expected-failures.txt) and
# the members' "From " lines (the owner) must be the reference's.
NAME=owner-clone-smtp
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
command -v swaks >/dev/null || { echo "1..0 # SKIP swaks not installed"; exit 0; }
run_both "$TOP/test/integration/ownerclone/inner.sh"
echo "1..3"
ok "the reference split the list (harness check)" 'grep -q "clone: owner=alice" $O/ref/log'
ok "clone and to= lines: the reference's" '[ -s $O/ours/log ] && diff $O/ref/log $O/ours/log >&2'
ok "the members' mail comes from the owner, as the reference's" 'grep -q "^bob: alice" $O/ours/senders && diff $O/ref/senders $O/ours/senders >&2'
