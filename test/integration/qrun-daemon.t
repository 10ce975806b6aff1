#!/bin/bash
# qrun-daemon.t -- queue-runner daemons in the oracle's namespace sandbox
# (seed configuration, our binary as sendmail): -q1s detaches, writes the
# pid file (pid, command line) and keeps it locked, shows the reference's
# process title, delivers a queued message within the interval, re-executes
# itself on SIGHUP and stops on SIGTERM; -qp1s runs a "Queue control"
# process with one "running queue" child; a second daemon logs "file in
# use by another process"; sendmail -q -v exits 0 when all is sent and
# when a recipient is deferred.
NAME=qrun-daemon
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
# everything runs inside one PID namespace: every daemon ends with it
"$L/sbx.sh" "$T/sbx" "
bash \$ORACLE_LIB/postinstall.sh >/dev/null 2>&1
P=/run/sendmail/mta/sendmail.pid
printf 'Subject: q\n\nqueued\n' | sendmail -Am -odq alice
sendmail -q1s; echo \$? > $O/start.rc
for i in \$(seq 1 50); do grep -qs '^queued\$' /var/mail/alice && break; sleep 0.1; done
cp /var/mail/alice $O/mbox 2>/dev/null
cp \$P $O/pidfile 2>/dev/null
ps -o pid=,args= -e > $O/ps1
pid=\$(head -1 \$P)
sendmail -qp1s; sleep 1
ps -o pid=,ppid=,args= -e > $O/ps2
kill -HUP \$pid; sleep 1
ps -o pid=,args= -e > $O/ps3
pkill -TERM -f '^sendmail: '; sleep 1
ps -o pid=,args= -e > $O/ps4
# sendmail -q -v's exit status: 0 when all is sent and when a recipient
# is deferred, as the reference's (after a failed delivery the
# reference's status varies from run to run, 0 or 69: not tested)
q() { printf 'Subject: x\n\nx\n' | sendmail -Am -odq \"\$@\" >/dev/null 2>&1; sendmail -q -v >/dev/null 2>&1; echo \$?; }
q alice > $O/rc.sent; q bob@example.org > $O/rc.deferred
" >/dev/null 2>&1
cp "$T/sbx/log/syslog.raw" "$O/syslog" 2>/dev/null
echo "1..11"
ok "-q1s returns 0 at once (the daemon detaches)" '[ "$(cat $O/start.rc)" = 0 ]'
ok "the queued message is delivered by the daemon's first run" 'grep -q "^queued$" $O/mbox'
ok "pid file: the pid, then the command line" '[ "$(sed -n 2p $O/pidfile)" = "sendmail -q1s" ] && grep -q "^ *$(head -1 $O/pidfile) sendmail: Queue runner@00:00:01 for /var/spool/mqueue$" $O/ps1'
ok "log: starting daemon (8.17.1.9): queueing@00:00:01" 'grep -q "sendmail\[[0-9]*\]: starting daemon (8.17.1.9): queueing@00:00:01$" $O/syslog'
ok "-qp: Queue control with a running-queue child" 'grep -q "sendmail: Queue control$" $O/ps2 && grep -q "sendmail: running queue: /var/spool/mqueue$" $O/ps2'
ok "a second daemon cannot take the locked pid file" 'grep -q "<19>.*unable to write pid to /var/run/sendmail/mta/sendmail.pid: file in use by another process" $O/syslog'
ok "SIGHUP: restarting ... due to signal" 'grep -q "restarting .* due to signal" $O/syslog'
ok "SIGHUP: a queue runner runs again" 'grep -q "sendmail: Queue runner@00:00:01" $O/ps3'
ok "SIGTERM stops them" '! grep -q "sendmail: Queue\|running queue" $O/ps4'
ok "-q -v exits 0 when all is sent" '[ "$(cat $O/rc.sent)" = 0 ]'
ok "-q -v exits 0 when a recipient is deferred" '[ "$(cat $O/rc.deferred)" = 0 ]'
