#!/bin/bash
# daemon-runas.t -- RunAsUser in a daemon's configuration: the same script
# (test/integration/daemon-runas/inner.sh) runs in a seed sandbox with the
# reference's sendmail -bd and with ours.  op.txt: "When running as a
# daemon, it changes to this user after accepting a connection but before
# reading any SMTP commands": the daemon stays root, the session's process
# is the user's, so is the message it queues; the replies and the log
# lines are the reference's.
NAME=daemon-runas
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/daemon-runas/inner.sh"
echo "1..5"
ok "the reference's session ran as mail (harness check)" 'grep -q "^session uid=8 " $O/ref/ids'
ok "ours: the daemon root, the session mail's (uid and gid), as the reference" '[ "$(sed -n 2p $O/ours/ids)" = "session uid=8 gid=8" ] && diff $O/ref/ids $O/ours/ids >&2'
ok "the session's replies are the reference's" '[ -s $O/ours/transcript ] && diff $O/ref/transcript $O/ours/transcript >&2'
ok "the queued message belongs to mail, with the reference's mode" '[ "$(cut -d" " -f1 $O/ours/qf)" = mail ] && diff $O/ref/qf $O/ours/qf >&2'
ok "log lines are the reference's" '[ -s $O/ours/syslog ] && diff $O/ref/syslog $O/ours/syslog >&2'
