#!/bin/bash
# daemon-ports.t -- several DaemonPortOptions and -bD: the same script
# (test/integration/daemon-ports/inner.sh) runs in a seed sandbox with the
# reference's sendmail and with ours: listeners MTA (127.0.0.1:25), MSA
# (127.0.0.1:587, Modifiers=E: no ETRN), MTA6 ([::1]:25, inet6) and AUTH
# (127.0.0.1:588, Modifiers=a: 530 without AUTH), the
# daemon in the foreground (-bD); a message through each.  Replies and log
# lines (daemon=NAME, relay=) must be the reference's (normalised; the log
# lines sorted: the sessions' lines interleave with the queue ids).
NAME=daemon-ports
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/daemon-ports/inner.sh"
echo "1..5"
ok "the reference's run served all three listeners (harness check)" '[ "$(grep -c "^250 2.0.0 .* Message accepted" $O/ref/transcript)" = 3 ]'
ok "-bD stays in the foreground and writes the pid file" '[ "$(cat $O/ours/fg)" = yes ]'
ok "-bD exits 0 on SIGTERM, as the reference" '[ "$(cat $O/ours/rc)" = "$(cat $O/ref/rc)" ]'
ok "replies identical to the reference's" 'diff $O/ref/transcript $O/ours/transcript >&2'
ok "log lines identical to the reference's" '[ -s $O/ours/syslog ] && diff $O/ref/syslog $O/ours/syslog >&2'
