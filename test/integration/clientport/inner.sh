# run inside the sandbox by clientport.t: deliveries to [127.0.0.1] (a
# fake server, server.py) with ClientPortOptions unset, then
# Addr=127.0.0.2 with Port=2600 and Modifiers=hS (127.0.0.2 named
# out.example.com in /etc/hosts), then Addr=127.0.0.3 alone.  Into $OUTD:
# sessions (what the server saw), syslog.
set -u
D=$(cd "$(dirname "$0")" && pwd)
bash "$L/postinstall.sh" >/dev/null 2>&1
CF=/etc/mail/sendmail.cf
echo "127.0.0.2 out.example.com out" >> /etc/hosts
. "$L/qhelpers.sh"; logmark
python3 "$D/server.py" "$OUTD/sessions" 3 & srv=$!
python3 "$L/waitport.py" 127.0.0.1 25
send() { printf 'Subject: t\n\nhi\n' | /usr/sbin/sendmail -Am -odi -f alice "x@[127.0.0.1]"; }
send
echo "O ClientPortOptions=Family=inet, Addr=127.0.0.2, Port=2600, Modifiers=hS" >> $CF
send
sed -i 's/^O ClientPortOptions=.*/O ClientPortOptions=Addr=127.0.0.3/' $CF
send
wait $srv
sed -E -f "$L/normalise.sed" "$SBX/log/syslog.raw" > "$OUTD/syslog"
