# run inside the sandbox by client-resolve.t: sendmail -bd with two
# listeners and check_relay replaced by a ruleset that rejects every
# connection to port 2525 showing its arguments and the client macros
# (the seed's check_relay judges port 2526).  One connection to 2525 from
# each client address (added to lo): a name confirmed by its forward
# lookup, no name at all, a name whose forward lookup gives another
# address, one whose forward lookup fails temporarily, localhost; each
# taken through EHLO and MAIL.  Then from the same addresses to 2526: a
# client that vanishes after EHLO, and one that goes silent until
# Timeout.command (2 s) ends it.  Into $OUTD: transcript (the replies),
# relay (check_relay's log lines), syslog.
set -u
bash "$L/postinstall.sh" >/dev/null 2>&1
CF=/etc/mail/sendmail.cf
ADDRS="198.51.100.77 198.51.100.5 203.0.113.99 203.0.113.98 127.0.0.1"
for a in $ADDRS; do ip addr add $a/32 dev lo 2>/dev/null; done
sed -i "s|^O DaemonPortOptions=.*|O DaemonPortOptions=Name=MTA, Port=2525\nO DaemonPortOptions=Name=MTB, Port=2526|" $CF
sed -i "s|^#O Timeout.command=.*|O Timeout.command=2s|" $CF
sed -i 's/^Scheck_relay$/Scheck_relay_seed/' $CF
printf 'Scheck_relay\nR$* $| $*\t$: $&{daemon_port} $| $1 $| $2\nR2526 $| $* $| $*\t$@ $>check_relay_seed $1 $| $2\nR$* $| $* $| $*\t$#error $: 550 relay <$2> <$3> name <$&{client_name}> ptr <$&{client_ptr}> resolve <$&{client_resolve}> us <$&_>\n' >> $CF
. "$L/qhelpers.sh"; logmark
/usr/sbin/sendmail -bd
python3 "$L/waitport.py" 127.0.0.1 2525
python3 "$L/waitport.py" 127.0.0.1 2526
python3 - "$OUTD" $ADDRS <<'P' > "$OUTD/transcript"
import socket, sys, time
def session(src, port, cmds, close=True):
    s = socket.socket(); s.bind((src, 0)); s.settimeout(15)
    s.connect(("127.0.0.1", port))
    f = s.makefile("rb")
    def rd():
        out = []
        while True:
            l = f.readline().decode("latin-1")
            out.append(l)
            if not l or l[3:4] != "-":
                return "".join(out)
    print("=== from %s to %d" % (src, port))
    print(rd(), end="")
    for c in cmds:
        s.sendall(c.encode() + b"\r\n")
        print("C: " + c); print(rd(), end="")
    return s, rd
for src in sys.argv[2:]:
    session(src, 2525, ("EHLO client.example.org", "MAIL From:<a@example.com>", "QUIT"))[0].close()
for src in sys.argv[2:]:
    session(src, 2526, ("EHLO client.example.org",))[0].close()
    time.sleep(0.3)
    s, rd = session(src, 2526, ("EHLO client.example.org",))
    print("(silent)"); print(rd(), end=""); s.close()
P
sleep 1
kill -TERM "$(head -1 /run/sendmail/mta/sendmail.pid)"; sleep 1
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" > "$OUTD/syslog"
grep -a 'ruleset=check_relay' "$OUTD/syslog" | sed 's/.*ruleset=/ruleset=/' > "$OUTD/relay"
sed -i -E -f "$L/normalise.sed" "$OUTD/transcript"
