#!/bin/bash
# daemon-inline.t -- background delivery of a message accepted by the
# daemon, however the client goes on after the 250: QUIT at once (221,
# the connection closed, then the session's own process delivers: the
# from= and to= lines carry one pid), a hang-up, the next MAIL at once
# (a child delivers), silence (a child delivers while the session is
# open), half a QUIT line (delivery does not wait for the rest); and the
# *file* mailer's open with the default user's rights: a root-only file
# fails with the reference's status, the next file of the same delivery is
# written (the ids were put back).
NAME=daemon-inline
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O; bash $TOP/test/integration/daemon-inline/inner.sh" >/dev/null 2>&1
cp "$T/sbx/log/syslog.raw" "$O/syslog" 2>/dev/null
c() { sed -n "s/^$1 $2 //p" "$O/clients.out"; }
box() { sed -n "s/^$1 //p" "$O/boxes"; }
# the pids of the from= and the to= line of the (first) message to the
# file of alias mK
pids() {
	local id
	id=$(grep -a "ctladdr=<m$1>" "$O/syslog" | grep -ao ': [0-9A-Za-z]\{14\}: to=' | head -1 | cut -c3-16)
	[ -n "$id" ] || return
	printf '%s %s\n' "$(grep -a "$id: from=" "$O/syslog" | sed 's/.*sendmail\[\([0-9]*\)\].*/\1/')" \
		"$(grep -a "$id: to=" "$O/syslog" | sed 's/.*sendmail\[\([0-9]*\)\].*/\1/' | head -1)"
}
same_pid() { set -- $(pids "$1"); [ -n "${1:-}" ] && [ "$1" = "${2:-}" ]; }
other_pid() { set -- $(pids "$1"); [ -n "${1:-}" ] && [ -n "${2:-}" ] && [ "$1" != "$2" ]; }
echo "1..12"
ok "QUIT at once: 221, the connection closed, delivered" '[ "$(c quit dialogue)" = "250 250 354 250" ] && [ "$(c quit 221)" = 221 ] && [ "$(c quit closed)" = eof ] && [ "$(box 1)" = 1 ]'
ok "QUIT at once: the session's process delivered (one pid for from= and to=)" 'same_pid 1'
ok "hang-up after the 250: delivered by the session's process" '[ "$(c hangup delivered)" = True ] && [ "$(box 2)" = 1 ] && same_pid 2'
ok "hang-up: no lost-input line (the transaction was over)" '! grep -aq "lost input channel" "$O/syslog"'
ok "next MAIL at once: both messages accepted and delivered, the first by a child" '[ "$(c next dialogue2)" = "250 250 354 250" ] && [ "$(c next 221)" = 221 ] && [ "$(box 3)" = 2 ] && other_pid 3'
ok "silence after the 250: delivered by a child while the session is open" '[ "$(c silent delivered-before-quit)" = True ] && [ "$(c silent 221)" = 221 ] && other_pid 4'
ok "half a QUIT line: delivered without waiting for the rest, then 221" '[ "$(c half delivered-before-rest)" = True ] && [ "$(c half 221)" = 221 ] && [ "$(box 5)" = 1 ]'
ok "a file the default user cannot write: Can't create output (5.0.0), left empty" 'grep -aq "to=/var/tmp/box/rootonly, ctladdr=<rootonly> (8/0), .*, dsn=5.0.0, stat=Can.t create output$" "$O/syslog" && [ "$(box rootonly)" = 0 ]'
ok "the next file of the same delivery is written (ids put back)" '[ "$(c perm 221)" = 221 ] && [ "$(box 6)" = 1 ] && same_pid 6'
ok "the queue is empty afterwards" '! grep -q "^[qdt]f" "$O/queue.ls"'
ok "no SYSERR logged" '! grep -aq "SYSERR" "$O/syslog"'
ok "no sendmail process left after SIGTERM" '[ ! -s "$O/left.ps" ]'
