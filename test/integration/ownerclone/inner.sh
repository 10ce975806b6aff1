# run inside the sandbox by owner-clone-smtp.t: sendmail -bd (background
# delivery), one message over SMTP to the list team@example.com (which
# has an owner- alias) and to fileme@example.com, from friend@example.org; wait until the queue
# holds no locked entry.  Into $OUTD: log (the clone and to= lines with
# priorities and delays masked, sorted), senders (the "From " line of the
# members' mailboxes), syslog.
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
. "$L/qhelpers.sh"; logmark
ip addr add 192.0.2.31/32 dev lo 2>/dev/null
/usr/sbin/sendmail -bd
python3 "$L/waitport.py" 127.0.0.1 25
timeout 60 swaks --server 127.0.0.1 --port 25 --local-interface 192.0.2.31 --helo host1.example.com \
	--from friend@example.org --to team@example.com,fileme@example.com --suppress-data \
	--hide-all --timeout 20 </dev/null
for _ in $(seq 60); do
	mailq 2>/dev/null | grep -q '^[0-9A-Za-z]*\*' || break
	sleep 0.5
done
sleep 1
kill -TERM "$(head -1 /run/sendmail/mta/sendmail.pid)"; sleep 1
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" > "$OUTD/syslog"
grep -a 'clone: owner=\|: to=' "$OUTD/syslog" | sed -E 's/.*<QID>: //; s/pri=[0-9]+/pri=P/; s/(x?delay)=[^,]*/\1=D/g' | sort > "$OUTD/log"
for u in bob carol; do printf '%s: ' $u; grep -a '^From ' /var/mail/$u 2>/dev/null | awk '{print $2}' | tr '\n' ' '; echo; done > "$OUTD/senders"
