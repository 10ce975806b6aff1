#!/bin/bash
# swaks-daemon.t -- the daemon driven over TCP by swaks, a real client:
# the transactions of test/integration/swaks/cases.txt (local users,
# relaying refused to an outside client, access-map REJECT and DISCARD,
# virtusertable, mailertable errors, +detail, unknown users, DNS failures
# of the sender's domain, a connection refused by check_relay, PIPELINING,
# the null sender, an address-literal HELO, plain SMTP, clients whose
# name maps forward to another address or fails temporarily) run in a seed
# sandbox against the reference's sendmail -bd and against ours; swaks'
# transcript and every log line (dates, pids, queue ids normalised) must
# be the reference's.
NAME=swaks-daemon
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
command -v swaks >/dev/null || { echo "1..0 # SKIP swaks not installed"; exit 0; }
run_both "$TOP/test/integration/swaks/inner.sh"
echo "1..4"
ok "the reference's run: every case ran (harness check)" '[ "$(grep -c "^=== from" $O/ref/transcript)" = "$(grep -vc "^#" $TOP/test/integration/swaks/cases.txt)" ] && grep -q "Message accepted for delivery" $O/ref/transcript'
ok "swaks' transcript: the reference's" '[ -s $O/ours/transcript ] && diff $O/ref/transcript $O/ours/transcript >&2'
ok "log lines: the reference's" '[ -s $O/ours/syslog ] && diff $O/ref/syslog $O/ours/syslog >&2'
ok "relaying refused to the outside client, accepted for local users" 'grep -q "550 5.7.1 <user@remote.example.net>... Relaying denied" $O/ours/transcript && [ "$(grep -c "Message accepted for delivery" $O/ours/transcript)" -ge 8 ]'
