#!/bin/bash
# greet-pause.t -- the greet_pause ruleset on daemon connections: the same
# script (test/integration/greet-pause/inner.sh) runs in a seed sandbox
# with the reference's sendmail -bd and with ours; a client that waits
# gets the greeting after the pause, one that talks first gets "554 HOST
# ESMTP not accepting messages", "550 5.0.0 Command rejected" for all but
# HELO/EHLO/NOOP/RSET/QUIT, and the log line "rejecting commands from ...
# due to pre-greeting traffic after N seconds".  Replies and log lines
# must be the reference's (dates, pids and queue ids normalised).
NAME=greet-pause
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/greet-pause/inner.sh"
echo "1..4"
ok "the reference's run produced a transcript (harness check)" 'grep -q "^554 mail.example.com ESMTP not accepting messages" $O/ref/transcript'
ok "a client that waits gets the greeting after the pause" '[ "$(cat $O/ours/waited)" = True ]'
ok "replies identical to the reference's" 'diff $O/ref/transcript $O/ours/transcript >&2'
ok "log lines identical to the reference's" '[ -s $O/ours/syslog ] && diff $O/ref/syslog $O/ours/syslog >&2'
