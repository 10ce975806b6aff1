#!/bin/bash
# daemon.t -- the SMTP daemon (sendmail -bd) in the oracle's namespace
# sandbox, seed configuration, on a free loopback port: 50 clients at once
# send 50 messages each (one connection per message, background delivery
# to a file per client through aliases); a second daemon on the same port
# logs the reference's complaints: every message accepted and delivered exactly
# once; the pid file; SIGHUP re-executes the daemon, which serves again;
# MaxDaemonChildren=2 refuses a third concurrent client as the reference
# does (the sockets are closed: connection refused, and "rejecting
# connections on daemon MTA: 2 children, max 2" logged) and serves again
# once the two are gone; Timeout.command drops a silent client; RefuseLA=5 refuses clients while the load average
# (faked) is 8 and serves again at 0; SIGTERM during a session: the daemon exits at
# once, the session finishes and its message is delivered, no process is
# left, the pid file is removed.
NAME=daemon
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
NC=${NC:-50} NM=${NM:-50}
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O NC=$NC NM=$NM; bash $TOP/test/integration/daemon/inner.sh" >/dev/null 2>&1
cp "$T/sbx/log/syslog.raw" "$O/syslog" 2>/dev/null
total=$((NC * NM))
accepted=$(grep -c ' 250$' "$O/load.out" 2>/dev/null)
delivered=$(sort -u "$O/delivered" 2>/dev/null | wc -l)
dups=$(( $(wc -l < "$O/delivered" 2>/dev/null || echo 0) - delivered ))
read -r t0 t1 < "$O/load.time" 2>/dev/null
echo "# $total messages: $accepted accepted, $delivered delivered, $dups duplicates; load took $(echo "${t1:-0} - ${t0:-0}" | bc 2>/dev/null) s"
echo "1..18"
ok "-bd returns 0 (the daemon detaches)" '[ "$(cat $O/start.rc)" = 0 ]'
ok "pid file: the pid, then the command line" '[ "$(head -1 $O/pidfile)" = "$(cat $O/pid1)" ] && [ "$(sed -n 2p $O/pidfile)" = "/usr/sbin/sendmail -bd" ]'
ok "process title: accepting connections" 'grep -q "^ *$(cat $O/pid1) sendmail: accepting connections$" $O/ps1'
ok "log: starting daemon (8.17.1.9): SMTP" 'grep -q "sendmail\[$(cat $O/pid1)\]: starting daemon (8.17.1.9): SMTP$" $O/syslog'
ok "a second daemon on the port: the reference's SYSERR and alert lines" '[ -n "$(cat $O/pid2nd)" ] && grep -q "<18>.*sendmail\[$(cat $O/pid2nd)\]: NOQUEUE: SYSERR(root): opendaemonsocket: daemon MTA: cannot bind: Address already in use$" $O/syslog && grep -q "<17>.*sendmail\[$(cat $O/pid2nd)\]: daemon MTA: problem creating SMTP socket$" $O/syslog'
ok "load: every message accepted (250 after the dot)" '[ "$accepted" = $total ]'
ok "load: every message delivered exactly once" '[ "$delivered" = $total ] && [ "$dups" = 0 ] && [ "$(sort -u $O/delivered | sed "s/^token=//" )" = "$(awk "{print \$1}" $O/load.out | sort -u)" ]'
ok "load: the queue is empty afterwards" '! grep -q "^[qd]f" $O/queue.ls'
ok "SIGHUP: restarting ... due to signal, a new daemon, the old pid gone" 'grep -q "restarting /usr/sbin/sendmail due to signal" $O/syslog && [ -n "$(cat $O/pid2)" ] && [ "$(cat $O/pid1.after)" = gone ]'
ok "SIGHUP: the restarted daemon accepts and delivers" '[ "$(cat $O/hup.out)" = 250 ] && [ "$(cat $O/hup.count)" = 1 ]'
ok "MaxDaemonChildren=2: two served, the third refused, a later one served" '[ "$(cat $O/mdc.out | tr "\n" " ")" = "client1 220 client2 220 client3 refused client4 220 " ]'
ok "MaxDaemonChildren=2: the reference log line" 'grep -q "sendmail\[$(cat $O/pid3)\]: rejecting connections on daemon MTA: 2 children, max 2$" $O/syslog'
ok "Timeout.command=3s: a silent client is dropped with the reference log lines" '[ "$(cat $O/idle.out)" = closed ] && grep -q "<21>.*: timeout waiting for input from localhost during server cmd read$" $O/syslog && grep -q "<21>.*: lost input channel from localhost \[127.0.0.1\] to MTA after mail$" $O/syslog'
ok "RefuseLA=5 at a load of 8: connections refused, the reference log line" '[ "$(cat $O/la-high.out)" = refused ] && grep -q "<21>.*sendmail\[$(cat $O/pid3)\]: rejecting connections on daemon MTA: load average: 8$" $O/syslog'
ok "RefuseLA: served again once the load is 0" '[ "$(cat $O/la-low.out)" = 220 ]'
ok "SIGTERM: the daemon exits at once, the session in progress finishes" 'grep -q "^daemon-after-term gone$" $O/term.out && [ "$(sed -n "s/^\(mail\|rcpt\|dot\|quit\) //p" $O/term.out | tr "\n" " ")" = "250 250 250 221 " ] && grep -q "^port closed$" $O/term.out && [ "$(cat $O/term.count)" = 1 ]'
ok "SIGTERM: no process is left (daemon and session by pid, no sendmail at all)" '[ ! -s $O/left.pids ] && [ ! -s $O/left.ps ] && [ -n "$(sed -n "s/^pids //p" $O/term.out)" ]'
ok "SIGTERM: the pid file is removed (as the reference does)" '[ "$(cat $O/pidfile.after)" = removed ]'
