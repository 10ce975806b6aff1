# run inside the sandbox by bounce.t, once with the reference's sendmail and
# once with ours: messages whose delivery fails, succeeds with NOTIFY=SUCCESS
# or is delayed and expires; the mailboxes and the log go to $OUTD
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
mount -t tmpfs tmpfs /root        # dead.letter must not reach the host
sm() { sendmail -Am -odq "$@" >/dev/null 2>&1; }
printf 'Subject: p1\n\nbody p1\n' | sm -f carol pipeme alice
printf 'Subject: p2\n\nbody p2\n' | sm -f bob -R hdrs -V env2 pipeme
printf 'Subject: p3\n\nbody p3\n' | sm -f '<>' pipeme
printf 'Subject: p4\n\nbody p4\n' | sm -f bob -N success alice carol
printf 'Subject: p5\n\nbody p5\n' | sm -f bob -N never pipeme
printf 'Subject: p6\nPrecedence: bulk\n\nbody p6\n' | sm -f carol pipeme
printf 'Subject: p7\n\nbody p7\n' | sm -f ghost2@mail.example.com pipeme
. "$L/qhelpers.sh"; logmark
sendmail -Am -qf > "$OUTD/run1.out" 2>&1
printf 'Subject: p8\n\nbody p8\n' | sm -f dave pipeme
sendmail -Am -qf -O SendMimeErrors=False > "$OUTD/run2.out" 2>&1
printf 'Subject: p9\n\nbody p9\n' | sm -f carol someone@example.org
sleep 2
sendmail -Am -qf -O Timeout.queuewarn=1s > "$OUTD/run3.out" 2>&1
sleep 2
sendmail -Am -qf -O Timeout.queuereturn=1s > "$OUTD/run4.out" 2>&1
sleep 0.3; cp "$SBX/log/syslog.raw" "$OUTD/syslog.txt"
mkdir -p "$OUTD/mail"; cp /var/mail/* "$OUTD/mail/" 2>/dev/null
ls /var/spool/mqueue > "$OUTD/queue.ls"
true
