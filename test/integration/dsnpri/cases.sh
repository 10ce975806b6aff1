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
