# dsnpri/cases.sh -- run inside a namespace sandbox by dsn-priority.t:
# messages whose delay warnings go to alice, with varied header lines,
# bodies, -t, RET=HDRS and an immediate bounce (no queue run); each
# report's delivery logs its pri=.
H='From: "Doe, John" <jdoe@example.org>\nTo: alice, bob@example.org (Bob)\nCc: <carol@example.com>\nSubject: a folded\n subject line\nX-Custom: yes\nReply-To: <noreply@example.org>\n'
printf "${H}\nbody\n" | sendmail -Am -odq -f alice -t
printf "${H}\nbody\n%0120d\n" 0 | sendmail -Am -odq -f alice -t
printf "${H}\nbody\n" | sendmail -Am -odq -f alice bob@example.org
printf "${H}\nbody\n" | sendmail -Am -odq -f alice -R hdrs bob@example.org
for h in 'X-Q: 1' 'To: bob@example.org' 'X-Fold: a\n\tb' 'To:  bob' 'To:bob' 'Comments: x'; do
	printf "Subject: x\n$h\n\nbody\n" | sendmail -Am -odq -f alice bob@example.org
done
printf 'Subject: large\n\n%05000d\n' 0 | sendmail -Am -odq -f alice friend@example.org
sendmail -Am -qf
sleep 2
sendmail -Am -qf -O Timeout.queuewarn=1s
sleep 1
printf 'Subject: t\nX-Pad: yyyyyyyyyy\n\n%0100d\n' 0 | sendmail -Am -odi -f alice nosuchuser
printf 'Subject: t\n\n\n' | sendmail -Am -odi -f alice nosuchuser nosuchuser2
sleep 1
# an expired recipient with no failure report due (NOTIFY=NEVER, and
# NOTIFY=SUCCESS,DELAY): the entry stays, recipient-less, until the next
# run drops it silently; a report from a queue run has no Received-From-MTA
printf 'Subject: n\n\nbody\n' | sendmail -Am -odq -f bob -N never a@example.org
printf 'Subject: s\n\nbody\n' | sendmail -Am -odq -f bob -N success,delay -R hdrs b@example.org
printf 'EHLO client.example.org\r\nMAIL FROM:<friend@example.org>\r\nRCPT TO:<c@example.org>\r\nDATA\r\nSubject: smtp\r\n\r\nhello\r\n.\r\nQUIT\r\n' >/tmp/s.in
python3 "$ORACLE_LIB/smtpdrive.py" /tmp/s.in /tmp/s -- sendmail -bs -Am -odq >/dev/null
sendmail -Am -qf
sleep 2
sendmail -Am -qf -O Timeout.queuereturn=1s
mailq >/tmp/mailq1.out
grep -l MAILER-DAEMON /var/spool/mqueue/qf* | sed 's/qf/df/' | xargs grep -h -- '-MTA:' >/tmp/mta.out
sendmail -Am -qf
mailq >>/tmp/mailq1.out
sed -E 's/^[0-9A-Za-z]{14}/QID/; s/[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{5}/DATE/' /tmp/mailq1.out /tmp/mta.out >"$OUT"
