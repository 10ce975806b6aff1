# run inside the sandbox by smtp-interactive.t: sendmail -bs in
# interactive mode (-odi) and in background mode (-odb), an alias of an
# unknown user (ghost: nosuchuser), a list with an owner (team,
# owner-team: alice) and an :include: alias.  Into $OUTD: transcript and
# syslog (normalised).
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
. "$L/qhelpers.sh"; logmark
bs() {
	local m=$1; shift
	echo "== -od$m $*"
	bsfeed bob@example.com "$@" | sendmail -Am -bs -od$m 2>&1 | grep -v '^250-'
	sleep 1
}
{
	bs i ghost@example.com team@example.com
	bs i includer@example.com bob@example.com
	bs b ghost@example.com team@example.com
	# a recipient an earlier one expanded to (an alias member, a
	# .forward's target) is a duplicate named by that text; one that
	# resolves as an earlier RCPT is named as that RCPT was
	bs i team@example.com carol@example.com alice@example.com
	bs i dave@example.com dave@example.org
	bs i info@virtual.example.com alice@example.com Alice@example.com
} > "$OUTD/transcript"
sleep 1
sed -i -E -f "$L/normalise.sed" "$OUTD/transcript"
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" | grep -v 'alias' > "$OUTD/syslog"
