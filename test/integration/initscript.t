#!/bin/bash
# initscript.t -- contrib/init.d/sendmail run as operators do, in the
# oracle's namespace sandbox with our sendmail as /usr/sbin/sendmail:
# start (the daemon detaches to the namespace's init, answers 220/221, pid
# file = pid + command line), status 0, start again harmless, reload
# (SIGHUP: the daemon re-executes and keeps serving), restart (a new pid),
# stop (no sendmail left, pid file gone, status 3), stop again harmless;
# and systemd-analyze verify of contrib/sendmail.service.
NAME=initscript
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O TOP=$TOP; bash $TOP/test/integration/initscript/inner.sh" >/dev/null 2>&1
c() { cat "$O/$1" 2>/dev/null; }
echo "1..14"
ok "start: exit 0" '[ "$(c start.rc)" = 0 ]'
ok "start: the daemon detached (its parent is the namespace init, pid 1)" '[ -n "$(c pid1)" ] && [ "$(c ppid1)" = 1 ]'
ok "pid file: the pid, then the command line" '[ "$(head -1 $O/pidfile)" = "$(c pid1)" ] && [ "$(sed -n 2p $O/pidfile)" = "/usr/sbin/sendmail -bd -q30m" ] && [ "$(wc -l < $O/pidfile)" = 2 ]'
ok "start: 220 mail.example.com ESMTP greeting, QUIT 221" 'grep -q "^220 mail.example.com ESMTP " $O/greet1 && grep -q "^221 " $O/greet1'
ok "status while running: exit 0, running" '[ "$(c status1.rc)" = 0 ] && grep -q "is running" $O/status1.out'
ok "start twice: exit 0, the same single daemon" '[ "$(c start2.rc)" = 0 ] && [ "$(c pid.start2)" = "$(c pid1)" ] && [ "$(c pids.start2)" = "$(c pid1) " ]'
ok "reload: exit 0, the pid file names a live daemon that serves" '[ "$(c reload.rc)" = 0 ] && [ -n "$(c pid2)" ] && grep -q "^220 mail.example.com ESMTP " $O/greet2 && [ "$(c status2.rc)" = 0 ]'
ok "restart: exit 0, a new pid, the old one gone" '[ "$(c restart.rc)" = 0 ] && [ -n "$(c pid3)" ] && [ "$(c pid3)" != "$(c pid2)" ] && [ "$(c pid2.after)" = gone ]'
ok "restart: the new daemon serves" 'grep -q "^220 mail.example.com ESMTP " $O/greet3'
ok "stop: exit 0, no sendmail process left, port closed" '[ "$(c stop.rc)" = 0 ] && [ -z "$(c pids.stop)" ] && [ "$(c greet4)" = refused ]'
ok "stop: the pid file is removed" '[ "$(c pidfile.after)" = removed ]'
ok "status when stopped: exit 3 (LSB: not running)" '[ "$(c status3.rc)" = 3 ]'
ok "stop when not running: exit 0" '[ "$(c stop2.rc)" = 0 ]'
if [ "$(c verify.rc)" = skip ]; then
	n=$((n + 1)); echo "ok $n # SKIP systemd-analyze not installed"
else
	ok "systemd-analyze verify contrib/sendmail.service: clean" '[ "$(c verify.rc)" = 0 ] && [ ! -s $O/verify.out ]'
fi
[ -n "${VERBOSE:-}" ] && head -50 "$O"/*
exit 0
