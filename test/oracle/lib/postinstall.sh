#!/bin/bash
# Run inside the sandbox (lib/sbx.sh): compile map sources with the REFERENCE
# makemap and build the aliases database with the REFERENCE newaliases, even
# when /usr/sbin/sendmail in the sandbox is the binary under test ("maps built
# by the reference").  REF / SENDMAIL_REF name the unpacked reference.
REF=${REF:-${SENDMAIL_REF:-/opt/sendmail-ref}}
B=$REF/usr/libexec/sendmail
cd /etc/mail
for m in access virtusertable mailertable authinfo genericstable domaintable; do
	[ -f "$m" ] && "$B/makemap" hash "$m" < "$m"
done
# $B/newaliases is the reference's symlink to its sendmail (argv[0] newaliases)
"$B/newaliases" >/dev/null 2>&1 || "$B/newaliases"
true
