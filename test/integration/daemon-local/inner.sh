# run inside the sandbox by daemon-local.t: sendmail -bd with a local
# socket (Family=local, a stale file left at its path) and a TCP listener
# with SndBufSize/RcvBufSize; a session over the local socket, check_relay
# shown its arguments and macros by a rejecting ruleset on a second
# connection, then SIGTERM.  Into $OUTD: transcript, relay (check_relay's
# line), skmem (the TCP listener's buffer sizes), socket (the path's
# state while running and after the stop), syslog.
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
CF=/etc/mail/sendmail.cf S=/run/sm.sock
sed -i "s|^O DaemonPortOptions=.*|O DaemonPortOptions=Name=LOC, Family=local, Addr=$S\nO DaemonPortOptions=Name=MTA, Port=2525, Addr=127.0.0.1, SndBufSize=65536, RcvBufSize=32768|" $CF
: > $S
. "$L/qhelpers.sh"; logmark
/usr/sbin/sendmail -bd
python3 "$L/waitport.py" 127.0.0.1 2525
stat -c '%F' $S > "$OUTD/socket"
ss -Htlm 'sport = :2525' | grep -o 'rb[0-9]*\|tb[0-9]*' | tr '\n' ' ' > "$OUTD/skmem"
python3 - "$OUTD" "$S" <<'P'
import socket, sys, time
out, path = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_UNIX); s.connect(path); s.settimeout(15)
log = []
def rd():
    data = b""
    while not data.endswith(b"\r\n") or data.split(b"\r\n")[-2][3:4] == b"-":
        data += s.recv(4000)
    return data.decode("latin-1")
log.append(rd())
for c in ("EHLO x.example.com", "MAIL From:<a@example.com>", "RCPT To:<alice@mail.example.com>", "DATA"):
    s.sendall(c.encode() + b"\r\n"); log.append("C: %s\n" % c + rd())
s.sendall(b"Subject: x\r\n\r\nhi\r\n.\r\n"); log.append(rd())
s.sendall(b"QUIT\r\n"); log.append(rd()); s.close()
open(out + "/transcript", "w").write("".join(log))
P
pid=$(head -1 /run/sendmail/mta/sendmail.pid)
# check_relay replaced by one that shows what it was given
sed -i 's/^Scheck_relay$/Scheck_relay_seed/' $CF
printf 'Scheck_relay\nR$* $| $*\t$#error $: 550 x <$1> <$2> <$&{client_resolve}> <$&{client_port}> <$&{daemon_family}> <$&{daemon_addr}> <$&{daemon_port}>\n' >> $CF
kill -HUP "$pid"
for _ in $(seq 100); do p=$(head -1 /run/sendmail/mta/sendmail.pid 2>/dev/null); [ -n "$p" ] && [ "$p" != "$pid" ] && [ -S $S ] && break; sleep 0.1; done
sleep 0.5
python3 -c "
import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.connect('$S'); s.settimeout(15); s.recv(300); s.close()"
sleep 1
kill -TERM "$(head -1 /run/sendmail/mta/sendmail.pid)"; sleep 1
stat -c '%F' $S >> "$OUTD/socket" 2>/dev/null || echo gone >> "$OUTD/socket"
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" > "$OUTD/syslog"
grep -a 'ruleset=check_relay' "$OUTD/syslog" | sed 's/.*ruleset=/ruleset=/' > "$OUTD/relay"
grep -a 'from=<a@example.com>' "$OUTD/syslog" | sed 's/.*from=/from=/' > "$OUTD/from"
sed -i -E -f "$L/normalise.sed" "$OUTD/transcript"
