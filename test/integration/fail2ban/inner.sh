# run inside the sandbox by fail2ban.t: sendmail -bd (seed cf plus a
# greet_pause of 1000 ms) and clients from 198.51.100.7 (an address added to
# lo, not a local one: relaying is refused) producing the events fail2ban's
# sendmail filters look for: a relay attempt (550 5.7.1 Relaying denied),
# a connection that never issues MAIL, a client that talks before the
# greeting, a sender whose domain does not resolve (not a filter
# target: must not match).  Into $OUTD: syslog (as a syslog daemon writes it: date, host).
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
ip addr add 198.51.100.7/32 dev lo
printf 'Sgreet_pause\nR$*\t\t$# 1000\n' >> /etc/mail/sendmail.cf
. "$L/qhelpers.sh"; logmark
/usr/sbin/sendmail -bd
python3 "$L/waitport.py" 127.0.0.1 25; sleep 0.5
python3 - <<'P'
import socket, time
def conn():
    s = socket.socket(); s.bind(("198.51.100.7", 0)); s.settimeout(10)
    s.connect(("127.0.0.1", 25)); return s
def reply(s):
    d = b""
    while not d.endswith(b"\r\n") or d.split(b"\r\n")[-2][3:4] == b"-":
        c = s.recv(4000)
        if not c: break
        d += c
    return d
def session(cmds, early=False):
    s = conn()
    if early:
        s.sendall(b"EHLO early.example\r\n")
    reply(s)
    for c in cmds:
        s.sendall(c + b"\r\n"); reply(s)
    s.close(); time.sleep(0.3)
for i in range(2):
    session([b"EHLO client.example", b"MAIL FROM:<a@example.com>",
             b"RCPT TO:<victim@elsewhere.example>", b"QUIT"])       # relaying denied
    session([b"EHLO client.example", b"MAIL FROM:<a@client.example>", b"QUIT"])  # sender refused
    session([b"EHLO client.example", b"QUIT"])                       # did not issue MAIL
    session([b"QUIT"], early=True)                                   # pre-greeting traffic
P
sleep 1
kill "$(head -1 /run/sendmail/mta/sendmail.pid)"
sleep 0.5
sed -E 's/^<[0-9]+>([A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8}) /\1 mail /' "$SBX/log/syslog.raw" > "$OUTD/syslog"
