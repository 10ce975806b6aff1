# run inside the sandbox by daemon-runas.t: sendmail -bd with
# RunAsUser=mail (the queue directory handed to that user, as op.txt asks
# of a site that sets it); a session that stays open while its process is
# looked at, then a message queued with -odq, then SIGTERM.  Into $OUTD:
# ids (the daemon's and the session's uid/gid), transcript, qf (the
# queued file's owner and mode), syslog.
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
CF=/etc/mail/sendmail.cf
echo 'O RunAsUser=mail' >> $CF
chown mail:mail /var/spool/mqueue
. "$L/qhelpers.sh"; logmark
/usr/sbin/sendmail -bd -odq
python3 "$L/waitport.py" 127.0.0.1 25
pid=$(head -1 /run/sendmail/mta/sendmail.pid)
python3 - "$OUTD" "$pid" <<'P'
import os, socket, sys, time
out, dpid = sys.argv[1], sys.argv[2]
def ids(pid):
    st = open("/proc/%s/status" % pid).read().split("\n")
    u = [l.split()[1:] for l in st if l.startswith(("Uid:", "Gid:"))]
    return "uid=%s gid=%s" % (u[0][0], u[1][0])
s = socket.create_connection(("127.0.0.1", 25), timeout=15); f = s.makefile("rb")
log = [f.readline().decode()]
# the session's process: the daemon's child that holds the connection
time.sleep(0.3)
kids = open("/proc/%s/task/%s/children" % (dpid, dpid)).read().split()
open(out + "/ids", "w").write("daemon %s\nsession %s\n" % (ids(dpid), ids(kids[0]) if kids else "none"))
def rd():
    r = ""
    while True:
        l = f.readline().decode()
        r += l
        if l[3:4] != "-":
            return r
for c in ("HELO x.example.com", "MAIL From:<carol@example.com>", "RCPT To:<alice@example.com>", "DATA"):
    s.sendall(c.encode() + b"\r\n"); log.append("C: %s\n" % c + rd())
s.sendall(b"Subject: runas\r\n\r\nhi\r\n.\r\n"); log.append(rd())
s.sendall(b"QUIT\r\n"); log.append(rd()); s.close()
open(out + "/transcript", "w").write("".join(log))
P
sleep 0.5
for q in /var/spool/mqueue/qf*; do stat -c '%U %G %a' "$q"; done > "$OUTD/qf"
kill -TERM "$pid"; sleep 1
sed -i -E -f "$L/normalise.sed" "$OUTD/transcript"
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" | grep -v alias > "$OUTD/syslog"
