# run inside the sandbox by swaks-daemon.t: sendmail -bd -odq on port 25,
# then swaks for each line of cases.txt from its client address (added to
# lo).  Into $OUTD: transcript (swaks' view, dates and queue ids
# normalised), syslog.
set -u
D=$(cd "$(dirname "$0")" && pwd)
bash "$L/postinstall.sh" >/dev/null 2>&1
. "$L/qhelpers.sh"; logmark
for a in 198.51.100.77 198.51.100.5 192.0.2.31 203.0.113.66 203.0.113.98 203.0.113.99; do ip addr add $a/32 dev lo 2>/dev/null; done
/usr/sbin/sendmail -bd -odq
python3 "$L/waitport.py" 127.0.0.1 25
grep -v '^#' "$D/cases.txt" | while IFS='|' read -r src from to more; do
	echo "=== from $src: $from -> $to $more"
	# shellcheck disable=SC2086
	timeout 60 swaks --server 127.0.0.1 --port 25 --local-interface "$src" --helo client.example.org \
		--from "$from" --to "$to" --suppress-data --hide-informational --timeout 20 $more </dev/null 2>&1
done > "$OUTD/transcript"
sleep 1
kill -TERM "$(head -1 /run/sendmail/mta/sendmail.pid)"; sleep 1
sed -i -E -f "$L/normalise.sed" "$OUTD/transcript"
# swaks names its Message-Id after its own pid
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" | sed -E "s/msgid=<<QID>\\.[0-9]+@/msgid=<<QID>.PID@/" > "$OUTD/syslog"
