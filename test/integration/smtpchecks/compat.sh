#!/bin/bash
# compat.sh -- inside the sandbox: check_compat refusing bob and
# discarding carol, for a -odi submission and for a -odq one delivered by
# "sendmail -q -v"; prints the exit statuses (65 for both), the -v output
# and what is left in the queue
set -u
sed 's/^O PrivacyOptions=.*/O PrivacyOptions=authwarnings/' /etc/mail/sendmail.cf >/etc/mail/ck.cf
printf 'Scheck_compat\nR$* $| $* bob $*\t$#error $@ 5.7.1 $: 553 compat denied $1 / $2 / $3\nR$* $| $* carol $*\t$#discard $: x\n' >>/etc/mail/ck.cf
msg() { printf 'Subject: t\n\nhi\n'; }
msg | sendmail -C/etc/mail/ck.cf -Am -odi -f alice bob carol alice
echo "rc=$?"
msg | sendmail -C/etc/mail/ck.cf -Am -odq -f alice bob@mail.example.com carol alice
echo "rc=$?"
sendmail -C/etc/mail/ck.cf -Am -q -v >/tmp/qrun.out
echo "qrun rc=$?"
sed -E 's/[0-9A-Z][0-9A-Za-z]{7}[0-9]{6}/QID/' /tmp/qrun.out
ls /var/spool/mqueue | wc -l
