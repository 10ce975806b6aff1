# run inside the sandbox by deliver.t: queue entries from the oracle's q1
# snapshot plus one crafted entry, one queue run, results to $OUTD
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
Q=$SNAP
for f in "$Q"/qf*[0-9] "$Q"/df*[0-9]; do cp "$f" /var/spool/mqueue/; done
# a crafted entry: unknown user, :include:, a program smrsh refuses, a file
cat > /var/spool/mqueue/qf6ALNh9Zz000999 <<'QF'
V8
T1795304586
K0
N0
P30000
Fs
$_root@localhost
Sroot
RPFD:nosuchuser
RPFD:includer
RPFD:pipeme
RPFD:fileme
H??Subject: crafted
.
QF
printf 'crafted body\nFrom here\n' > /var/spool/mqueue/df6ALNh9Zz000999
chmod 600 /var/spool/mqueue/*
. "$L/qhelpers.sh"; logmark
sendmail -Am -q -v > "$OUTD/run.out" 2>&1; echo $? > "$OUTD/run.rc"
sleep 0.3; cp "$SBX/log/syslog.raw" "$OUTD/syslog.txt"
ls /var/spool/mqueue > "$OUTD/queue.ls"
cp /var/spool/mqueue/qf* "$OUTD/" 2>/dev/null
cp /var/mail/alice "$OUTD/mbox-alice" 2>/dev/null
cp /var/mail/carol "$OUTD/mbox-carol" 2>/dev/null
cp /var/tmp/fileme.out "$OUTD/fileme.out" 2>/dev/null
true
