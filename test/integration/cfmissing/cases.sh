# cases.sh -- inside the sandbox: a -C file that does not exist, for an
# SMTP client of -bs, a submission and -bt (output and exit status)
printf 'EHLO x\nQUIT\n' > /tmp/cfmissing.in
python3 $ORACLE_LIB/smtpdrive.py /tmp/cfmissing.in /tmp/cfmissing -- /usr/sbin/sendmail -bs -Am -C/etc/mail/none.cf >/dev/null 2>&1; cat /tmp/cfmissing.transcript
echo x | /usr/sbin/sendmail -C/etc/mail/none.cf alice; echo "rc=$?"
/usr/sbin/sendmail -bt -C/etc/mail/none.cf </dev/null; echo "rc=$?"
