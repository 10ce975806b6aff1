# run inside the sandbox by smtp-priority.t: messages received with
# sendmail -bs in background mode (-odb, the default), each followed by
# the to= lines of its delivery (pri=) and the P line of what stays
# queued; then the same for a message queued (-odq) and run (-q).  Into
# $OUTD/log.
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
. "$L/qhelpers.sh"; logmark
export BSFEED_MSG='Subject: t\r\nX-A: 1\r\n\r\nbody\r\n'
# the from= and to= lines logged so far (their fields but the delays and
# ids), the P and N lines of the queue's entries; then a fresh start
# (the queue kept with "keep")
show() {
	local m="mark-$RANDOM" i
	sleep 1.5
	logger -t mark "$m"
	for i in $(seq 100); do grep -q "$m" "$SBX/log/syslog.raw" && break; sleep 0.05; done
	sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" | grep 'from=\|to=' |
		sed -E 's/.*: (from|to)=/\1=/; s/, (ctladdr|delay|xdelay|msgid|proto|relay|dsn|reply)=[^,]*//g'
	for f in /var/spool/mqueue/qf*; do
		[ -f "$f" ] && grep -a '^[PN]' "$f" | tr '\n' ' ' && echo "(qf)"
	done
	[ "${1:-}" = keep ] || rm -f /var/spool/mqueue/*
	: > "$SBX/log/syslog.raw"
}
bs() {
	local m=$1; shift
	echo "== -od$m $*"
	bsfeed bob@example.com "$@" | sendmail -Am -bs -od$m >/dev/null 2>&1
	[ "$m" = q ] && { show keep; echo "-- -q"; sendmail -Am -q; }
	show
}
{
	bs b alice@example.com
	bs b alice@example.com alice@example.com
	bs b alice@example.com bob@example.com carol@example.com
	bs b webmaster@example.com alice@example.com
	bs b team@example.com fileme@example.com info@virtual.example.com
	bs b ghost@example.com pipeme@example.com alice@example.com
	bs b someone@remote.example.net
	bs b someone@remote.example.net alice@example.com
	bs b remote@example.com
	bs b dave@example.com
	bs q ghost@example.com alice@example.com
} > "$OUTD/log"
