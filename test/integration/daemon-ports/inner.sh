# run inside the sandbox by daemon-ports.t: three DaemonPortOptions
# (MTA on 127.0.0.1:25, MSA on 127.0.0.1:587 with Modifiers=E, MTA6 on
# [::1]:25, Family=inet6), AUTH on 127.0.0.1:588 with Modifiers=a (MAIL
# needs AUTH) and sendmail -bD in the foreground; a message
# through each listener, ETRN on each, then SIGTERM.  Into $OUTD:
# transcript (normalised), syslog (normalised), fg (did -bD stay in the
# foreground: the pid file names the process started), rc (its exit status).
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
CF=/etc/mail/sendmail.cf
sed -i '/^O DaemonPortOptions=/d' $CF
printf '%s\n' 'O DaemonPortOptions=Port=25, Addr=127.0.0.1, Name=MTA' \
	'O DaemonPortOptions=Port=587, Addr=127.0.0.1, Name=MSA, M=E' \
	'O DaemonPortOptions=Port=25, Addr=::1, Family=inet6, Name=MTA6' \
	'O DaemonPortOptions=Port=588, Addr=127.0.0.1, Name=AUTH, M=a' >> $CF
. "$L/qhelpers.sh"; logmark
/usr/sbin/sendmail -bD -odq & pid=$!
python3 "$L/waitport.py" 127.0.0.1 587; sleep 0.5
[ "$(head -1 /run/sendmail/mta/sendmail.pid)" = $pid ] && echo yes > "$OUTD/fg" || echo no > "$OUTD/fg"
python3 - > "$OUTD/transcript" <<'P'
import socket, time
def session(fam, addr, port, rcpt):
    s = socket.socket(fam); s.settimeout(10); s.connect((addr, port))
    f = s.makefile("rb")
    def reply():
        out = []
        while True:
            ln = f.readline().decode("latin-1")
            out.append(ln)
            if len(ln) < 4 or ln[3] != "-":
                return "".join(out)
    print("== %s %d" % (addr, port)); print(reply(), end="")
    for c in ("EHLO client.example.org", "ETRN example.com", "MAIL FROM:<carol@example.com>",
              "RCPT TO:<%s>" % rcpt, "DATA"):
        s.sendall(c.encode() + b"\r\n"); print("C: " + c); print(reply(), end="")
    s.sendall(b"Subject: port %d\r\n\r\nbody\r\n.\r\n" % port); print(reply(), end="")
    s.sendall(b"QUIT\r\n"); print(reply(), end="")
    s.close()
    # the session's process holds its message's lock until it exits: let it
    # go before the next session's ETRN runs the queue, or whether that run
    # delivers the message is a race (in both implementations)
    time.sleep(0.5)
session(socket.AF_INET, "127.0.0.1", 25, "alice@example.com")
session(socket.AF_INET, "127.0.0.1", 587, "bob@example.com")
session(socket.AF_INET6, "::1", 25, "carol@example.com")
s = socket.create_connection(("127.0.0.1", 588), timeout=10); f = s.makefile("rb")
print("== 127.0.0.1 588"); print(f.readline().decode(), end="")
for c in ("MAIL FROM:<carol@example.com>", "RCPT TO:<alice@example.com>", "QUIT"):
    s.sendall(c.encode() + b"\r\n"); print("C: " + c); print(f.readline().decode(), end="")
s.close()
P
sleep 1
kill -TERM $pid; wait $pid; echo $? > "$OUTD/rc"
sed -i -E -f "$L/normalise.sed" "$OUTD/transcript"
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" | grep -v 'alias' | sort > "$OUTD/syslog"
