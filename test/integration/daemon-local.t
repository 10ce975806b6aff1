#!/bin/bash
# daemon-local.t -- DaemonPortOptions Family=local (a local socket whose
# path held a stale file), SndBufSize/RcvBufSize: the same script
# (test/integration/daemon-local/inner.sh) runs in a seed sandbox with the
# reference's sendmail -bd and with ours.  The session over the local
# socket (the client is "localhost [[UNIX: localhost]]"), the message's
# from= line, check_relay's arguments and macros (${client_addr} "[UNIX:
# localhost]", ${daemon_addr} "[UNIX: path]", ...), the TCP listener's
# buffer sizes and the socket file (replaced at the start, removed at the
# stop) must be the reference's.
NAME=daemon-local
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/daemon-local/inner.sh"
echo "1..6"
ok "the reference's run produced a transcript (harness check)" 'grep -q "^250 2.0.0 .* Message accepted" $O/ref/transcript'
ok "the session over the local socket: the reference's replies" '[ -s $O/ours/transcript ] && diff $O/ref/transcript $O/ours/transcript >&2'
ok "from= line: the reference's (daemon=LOC, relay=localhost [[UNIX: localhost]])" '[ -s $O/ours/from ] && diff $O/ref/from $O/ours/from >&2'
ok "check_relay: the reference's arguments, macros and line" '[ -s $O/ours/relay ] && diff $O/ref/relay $O/ours/relay >&2'
ok "SndBufSize/RcvBufSize on the TCP listener: the reference's sizes" '[ -s $O/ours/skmem ] && diff $O/ref/skmem $O/ours/skmem >&2'
ok "the socket replaced the stale file, and is removed at the stop" '[ "$(cat $O/ours/socket | tr "\n" " ")" = "socket gone " ] && diff $O/ref/socket $O/ours/socket >&2'
