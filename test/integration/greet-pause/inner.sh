# run inside the sandbox by greet-pause.t: sendmail -bd with a greet_pause
# ruleset of 1500 ms added to the seed cf; a client that waits for the
# greeting, then one that talks first and goes on with commands.  Into
# $OUTD: transcript (what each client got, dates normalised), waited (did
# the first greeting come after the pause), syslog (the daemon's lines).
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
printf 'Sgreet_pause\nR$*\t\t$# 1500\n' >> /etc/mail/sendmail.cf
. "$L/qhelpers.sh"; logmark
/usr/sbin/sendmail -bd
python3 "$L/waitport.py" 127.0.0.1 25; sleep 0.5
python3 - "$OUTD" <<'P'
import socket, sys, time
out = sys.argv[1]
def rd(s):
    time.sleep(0.3)
    return s.recv(4000).decode("latin-1")
log = []
s = socket.create_connection(("127.0.0.1", 25)); s.settimeout(10)
t = time.time(); g = s.recv(300).decode("latin-1")
open(out + "/waited", "w").write("%s\n" % (time.time() - t >= 1.2))
log.append(g)
s.sendall(b"QUIT\r\n"); log.append(rd(s)); s.close()
s = socket.create_connection(("127.0.0.1", 25)); s.settimeout(10)
s.sendall(b"EHLO early.example\r\n"); log.append(rd(s))
for c in ("MAIL FROM:<a@example.com>", "RCPT TO:<alice@example.com>", "NOOP", "HELP", "VRFY alice",
          "RSET", "EHLO again.example", "QUIT"):
    s.sendall(c.encode() + b"\r\n"); log.append("C: %s\n" % c + rd(s))
open(out + "/transcript", "w").write("".join(log))
P
sleep 1
kill "$(head -1 /run/sendmail/mta/sendmail.pid)"; sleep 1
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" | grep -v 'alias' > "$OUTD/syslog"
sed -i -E -f "$L/normalise.sed" "$OUTD/transcript"
