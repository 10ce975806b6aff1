# cases.sh -- inside the sandbox: host name canonification (-bt /canon)
# with the seed cf (DNS through the fake server, then files) and with
# ServiceSwitchFile naming a file whose hosts line is "files" only and
# HostsFile naming a hosts file of its own
printf 'hosts files\naliases files\n' > /etc/mail/sw-files
printf '192.0.2.200 custom.example.net custom\n' > /etc/mail/myhosts
cp /etc/mail/sendmail.cf /etc/mail/a.cf
printf 'O ServiceSwitchFile=/etc/mail/sw-files\nO HostsFile=/etc/mail/myhosts\n' >> /etc/mail/a.cf
for cf in sendmail.cf a.cf; do echo "== $cf"; printf '/canon host1\n/canon host1.example.com\n/canon custom\n/canon nxdomain.example\n' | /usr/sbin/sendmail -bt -C/etc/mail/$cf 2>&1 ; done
