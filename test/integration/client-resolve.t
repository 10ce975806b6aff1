#!/bin/bash
# client-resolve.t -- who the daemon says a TCP client is: the same script
# (test/integration/client-resolve/inner.sh) runs in a seed sandbox with
# the reference's sendmail -bd and with ours, clients connecting from
# addresses whose PTR name is confirmed by its forward lookup (OK), absent
# (FAIL), maps forward to another address (FORGED), fails temporarily
# forward, and localhost.  check_relay's arguments and the macros
# ${client_name}, ${client_ptr}, ${client_resolve} and $_, the replies
# (EHLO's greeting), and the log lines of clients that vanish or go
# silent must be the reference's.
NAME=client-resolve
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
RUN_BOTH_AT_ONCE=1 run_both "$TOP/test/integration/client-resolve/inner.sh"
echo "1..4"
ok "the reference's run: five clients refused by check_relay, five timed out (harness check)" '[ "$(wc -l < $O/ref/relay)" = 5 ] && [ "$(grep -c "timeout waiting for input" $O/ref/syslog)" = 5 ]'
ok "check_relay's arguments and the client macros: the reference's" '[ -s $O/ours/relay ] && diff $O/ref/relay $O/ours/relay >&2'
ok "the replies: the reference's" '[ -s $O/ours/transcript ] && diff $O/ref/transcript $O/ours/transcript >&2'
ok "every log line: the reference's" '[ -s $O/ours/syslog ] && diff $O/ref/syslog $O/ours/syslog >&2'
