#!/bin/bash
# cases.sh CASE -- one savemail case, run inside the oracle sandbox (seed
# configuration) by savemail-panic.t, once with the reference and once
# with ours.  Prints the submission's exit status and the queue's files
# (type letter only).  Cases:
#   pm-unknown  the sender and the postmaster both unknown: the postmaster
#               notify fails, so does its return: savemail panic, a Qf
#   pm-prog     the bounce goes to a sender aliased to a failing program,
#               the postmaster unknown: the bounce is lost (Qf)
#   ctl-alias   an alias to a failing program named with its domain: the
#               controlling address is the address as written
#   ctl-forward a .forward program of a user named with its domain,
#               directly and through a list
#   exit-codes  -odi exit status after programs exiting 1, 67, 75, 77, 78,
#               a program smrsh refuses and a file that cannot be created
set -u
msg() { printf 'Subject: t\n\nhi\n'; }
case "$1" in
pm-unknown)
	sed -i 's/^postmaster:.*/postmaster: nosuchpm/' /etc/aliases
	sendmail -bi >/dev/null 2>&1
	msg | sendmail -Am -f nosuchsender@mail.example.com -odi nosuchrcpt
	echo "rc=$?" ;;
pm-prog)
	sed -i 's/^postmaster:.*/postmaster: nosuchpm/' /etc/aliases
	echo 'failer: "|/nonexistent/prog"' >>/etc/aliases
	sendmail -bi >/dev/null 2>&1
	msg | sendmail -Am -f failer@mail.example.com -odi nosuchrcpt
	echo "rc=$?" ;;
ctl-alias)
	echo 'failer: "|/nonexistent/prog"' >>/etc/aliases
	sendmail -bi >/dev/null 2>&1
	msg | sendmail -Am -odi failer@mail.example.com failer
	echo "rc=$?" ;;
ctl-forward)
	h=$(getent passwd alice | cut -d: -f6)
	echo '"|/nonexistent/x"' >"$h/.forward"
	chown alice "$h/.forward"
	echo 'lst: alice@mail.example.com' >>/etc/aliases
	sendmail -bi >/dev/null 2>&1
	msg | sendmail -Am -odi alice@mail.example.com
	echo "rc=$?"
	msg | sendmail -Am -odi lst
	echo "rc=$?" ;;
exit-codes)
	printf '#!/bin/sh\nexit $1\n' >/usr/local/bin/ex
	chmod +x /usr/local/bin/ex
	mkdir -p /etc/mail/smrsh
	ln -sf /usr/local/bin/ex /etc/mail/smrsh/ex
	for c in 1 67 75 77 78; do echo "p$c: \"|ex $c\""; done >>/etc/aliases
	printf 'pmiss: "|nothere"\nfbad: /nonexistent/dir/file\n' >>/etc/aliases
	sendmail -bi >/dev/null 2>&1
	for a in p1 p67 p75 p77 p78 pmiss fbad; do
		msg | sendmail -Am -odi $a >/dev/null 2>&1
		echo "$a rc=$?"
	done ;;
esac
sleep 0.5
ls /var/spool/mqueue | cut -c1-2 | sort | tr '\n' ' '
echo
for f in /var/spool/mqueue/Qf*; do
	[ -f "$f" ] && grep -a '^H??Subject:\|^SMAILER-DAEMON' "$f"
done
exit 0
