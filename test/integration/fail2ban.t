#!/bin/bash
# fail2ban.t -- Debian's fail2ban filters sendmail-reject (mode aggressive,
# which adds "did not issue MAIL") and sendmail-auth read the log lines our
# daemon writes: test/integration/fail2ban/inner.sh drives sendmail -bd in
# a seed sandbox (the reference's and ours) with a non-local client that
# tries to relay, one that never issues MAIL and one that talks before the
# greeting; fail2ban-regex must find each event in our log, and as many
# matches as in the reference's.  fail2ban comes unpacked (not installed:
# its maintainer scripts start a daemon) by contrib/install-deps.sh into
# /opt/debian-clients/fail2ban.
NAME=fail2ban
CLIENTS=${USERLAND_CLIENTS:-/opt/debian-clients}
F2B=$CLIENTS/fail2ban
[ -x "$F2B/usr/bin/fail2ban-regex" ] || { echo "1..0 # SKIP fail2ban not unpacked: run contrib/install-deps.sh"; exit 0; }
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/fail2ban/inner.sh"
f2b() { # side filter[options] -> matched lines
	PYTHONPATH=$F2B/usr/lib/python3/dist-packages python3 "$F2B/usr/bin/fail2ban-regex" \
		--print-all-matched "$O/$1/syslog" "$F2B/etc/fail2ban/filter.d/$2" 2>&1
}
for w in ref ours; do
	f2b $w 'sendmail-reject.conf[mode=aggressive]' > "$O/$w.reject"
	f2b $w sendmail-auth.conf > "$O/$w.auth"
	for f in reject auth; do
		sed -nE 's/^Lines: .* ([0-9]+) matched.*/\1/p' "$O/$w.$f" > "$O/$w.$f.sum"
	done
done
echo "1..7"
ok "the reference's log gives matches (harness check)" '[ "$(cat $O/ref.reject.sum)" -gt 0 ]'
ok "sendmail-reject: a relay attempt (check_rcpt, 550 5.7.1 Relaying denied) matches" \
	'grep -q "ruleset=check_rcpt, arg1=<victim@elsewhere.example>, relay=\[198.51.100.7\].*reject=550 5.7.1" $O/ours.reject'
ok "sendmail-reject: 'did not issue MAIL' matches (aggressive)" 'grep -q "\[198.51.100.7\].* did not issue MAIL" $O/ours.reject'
ok "sendmail-reject: pre-greeting traffic matches" 'grep -q "rejecting commands from .*\[198.51.100.7\] due to pre-greeting traffic" $O/ours.reject'
ok "sendmail-reject: as many matches as in the reference's log" \
	'[ -s $O/ours.reject.sum ] && cmp -s $O/ref.reject.sum $O/ours.reject.sum || { cat $O/ref.reject.sum $O/ours.reject.sum >&2; false; }'
ok "sendmail-auth: as many matches as in the reference's log (no AUTH offered: 0)" \
	'[ -s $O/ours.auth.sum ] && cmp -s $O/ref.auth.sum $O/ours.auth.sum'
ok "the matched lines are the reference's (dates, pids, ids masked)" \
	'diff <(grep -E "^\|  " $O/ref.reject | sed -E "s/[A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8}/DATE/; s/\[[0-9]+\]:/[PID]:/; s/[0-9A-Za-z]{8}[0-9]{6}/QID/" | sort) \
	      <(grep -E "^\|  " $O/ours.reject | sed -E "s/[A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8}/DATE/; s/\[[0-9]+\]:/[PID]:/; s/[0-9A-Za-z]{8}[0-9]{6}/QID/" | sort) >&2'
