#!/bin/bash
# daemon-signals.t -- SIGUSR1 on the daemon: the same script
# (test/integration/daemon-signals/inner.sh) runs in a seed sandbox with
# the reference's sendmail -bd and with ours; each SIGUSR1 logs the state
# dump ("--- dumping state on user signal: $j = ... ---", CurChildren, the
# open descriptors with the listening socket among them, the connection
# cache, "--- end of state dump ---") at mail.debug, and the daemon goes on
# serving.  The lines that do not depend on each program's own
# descriptors must be the reference's.
NAME=daemon-signals
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/daemon-signals/inner.sh"
echo "1..5"
ok "the reference dumped twice (harness check)" '[ "$(grep -c "end of state dump" $O/ref/dump)" = 2 ]'
ok "ours dumped twice: CurChildren 0, then 1 with a session open" '[ "$(grep CurChildren $O/ours/dump | tr "\n" " ")" = "CurChildren = 0 CurChildren = 1 " ]'
ok "the dump's lines are the reference's" 'diff $O/ref/dump $O/ours/dump >&2'
ok "at mail.debug, NOQUEUE" 'grep -q "^<23>.*NOQUEUE: --- dumping state on user signal: \$j = mail.example.com ---" $O/ours/syslog'
ok "the daemon serves on after the dumps" '[ "$(cat $O/ours/served)" = 220 ]'
