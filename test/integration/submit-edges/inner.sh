# run inside the sandbox by submit-edges.t: command lines at the edges of
# what submission accepts (no recipient, -t with none in the header, -f
# "" and "<>", a bad -B, -N, -V, an address with unbalanced brackets or
# one ruleset 0 refuses, -bv with lists and owners) and what each prints,
# exits with, logs and delivers.  Into $OUTD: out (stdout, exit codes,
# the mailboxes) and syslog, normalised.
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
run() {
	{ echo "=== $1"; printf "$MSG" | timeout 30 bash -c "$1" 2>&1; echo "rc=$?"; } >> "$OUTD/out.raw"
	sleep 0.3
}
MSG='Subject: hi\n\nbody\n'
run 'sendmail -Am -bv alice ghost webmaster team nosuch@remote.example.net "Bob <bob@example.com>" includer loop-a devnull'
run 'sendmail -Am -bv team devnull'
run 'sendmail -Am -bv includer devnull'
run 'sendmail -Am'
run 'sendmail -Am -t'
run 'sendmail -Am -odq -B bogus'
run 'sendmail -Am -odq -V "bad id" bob'
run 'sendmail -Am -odq -B bogus -N bogus bob'
run 'sendmail -Am -odi -B bogus bob'
run 'sendmail -Am -odi -f "" bob'
run 'sendmail -Am -odi "<bob@example.com"'
run 'sendmail -Am -odi "bob@"'
run 'sendmail -Am -odq "bob@" alice'
MSG='To: alice\nCc: bob@example.com, "Carol C" <carol@example.com>\nBcc: dave\nSubject: t\n\nbody\n'
run 'sendmail -Am -t -odi -f "<>"'
run 'sendmail -Am -t -odi -f "<>" -F "Some Name"'
sleep 1
for u in alice bob carol; do
	echo "== mbox $u"
	[ -f /var/mail/$u ] && cat /var/mail/$u
done >> "$OUTD/out.raw"
ls /var/spool/mqueue | sed -E 's/^(.f).*/\1/' | sort | uniq -c >> "$OUTD/out.raw"
sed -E -f "$L/normalise.sed" "$OUTD/out.raw" | sed -E -f "$L/normalise-local.sed" > "$OUTD/out"
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" | grep -v 'alias database\|aliases, longest' > "$OUTD/syslog"
