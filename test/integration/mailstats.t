#!/bin/bash
# mailstats.t -- the statistics file (StatusFile, issue 5): in the seed
# sandbox the same messages are submitted and run with our sendmail and
# with the reference's (local deliveries, several recipients, -odq and a
# queue run, a bounce at once and from the queue, a refused program, file
# deliveries, remote, root and null senders, a 5 kB message); after each
# scenario the file must read the same as the reference's (and SMTP:
# -bs sessions with rejected senders and recipients, unknown users, a
# discarded message, two rejected transactions counted once; a daemon
# connection in the C line; relaying through a smarthost: a transaction
# counted once, connections to), and read the
# same with the reference's mailstats as with ours (interchange).  Then one
# file is updated by both programs in turn.  A missing file is not created.
NAME=mailstats
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
[ -x "$BUILD/mailstats" ] || { echo "1..0 # SKIP $BUILD/mailstats not built"; exit 0; }
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O REF=$REF BUILD=$BUILD; bash $TOP/test/integration/mailstats/inner.sh" >/dev/null 2>&1
# the SMTP client: a smarthost sandbox
SENDMAIL_BIN=$SENDMAIL_BIN "$L/mksbx.sh" "$T/sbx2" smarthost "$T/cf" >/dev/null 2>&1 &&
	"$L/sbx.sh" "$T/sbx2" "export L=$L OUTD=$O REF=$REF; bash $TOP/test/integration/mailstats/smarthost.sh" >/dev/null 2>&1
SCEN="one two queued queuerun bounce bounce-queued smrsh-refused files remote-sender root-sender null-sender 5k
	bs-ok bs-rejmail bs-rejrcpt bs-unknown bs-local-rej bs-discard bs-two-rej daemon"
set -- $SCEN
echo "1..$(( $# * 2 + 5 ))"
for s in $SCEN; do
	ok "$s: counted as the reference counts" "[ -s $O/ref.$s.ref ] && diff $O/ref.$s.ref $O/ours.$s.ref >/dev/null"
	ok "$s: our file read by the reference's mailstats and ours alike" "[ -s $O/ours.$s.ref ] && diff $O/ours.$s.ref $O/ours.$s.ours >/dev/null"
done
for s in $SCEN; do
	if ! diff -q $O/ref.$s.ref $O/ours.$s.ref >/dev/null 2>&1; then
		echo "# $s: reference / ours"; diff $O/ref.$s.ref $O/ours.$s.ref 2>&1 | sed 's/^/#   /'
	fi
done
ok "the reference's file read by our mailstats as by its own" "[ -s $O/ref.one.ours ] && diff $O/ref.one.ref $O/ref.one.ours >/dev/null"
ok "a missing statistics file is not created (nor by the reference)" "[ ! -e $O/ours.created ] && [ ! -e $O/ref.created ]"
ok "one file updated by both programs in turn: 4 messages from and to local" \
   "grep -q '^ 9        4          4        4          4' $O/mixed.ours && diff $O/mixed.ref $O/mixed.ours >/dev/null"
ok "relayed by SMTP: one per transaction for the relay mailer, connections to counted, as the reference" \
   "grep -q '^ C        0        2      0' $O/ref.relay && diff $O/ref.relay $O/ours.relay >/dev/null"
diff $O/ref.relay $O/ours.relay 2>&1 | sed 's/^/#   /'
ok "the same file as a table, both mailstats alike" "[ -s $O/mixed.table.ours ] && diff $O/mixed.table.ref $O/mixed.table.ours >/dev/null"
