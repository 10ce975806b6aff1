#!/bin/bash
# quarantine.t -- sendmail -Q[reason] in the oracle's namespace sandbox
# (seed configuration, our binary): -Qreason -qRalice quarantines only the
# selected entry (hfID with a q line, hidden from mailq, listed by mailq
# -qQ with QUARANTINE:), a queue run leaves it alone, -Q -qQ releases it,
# -Qx alone quarantines everything; log lines as the reference's.
NAME=quarantine
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "
bash \$ORACLE_LIB/postinstall.sh >/dev/null 2>&1
cd /var/spool/mqueue
printf 'Subject: x\n\nto alice\n' | sendmail -Am -odq alice
printf 'Subject: y\n\nto bob\n' | sendmail -Am -odq bob
sendmail -Am -Qspammy -qRalice; echo \$? > $O/q.rc
ls > $O/ls1; cat hf* > $O/hf 2>/dev/null
mailq > $O/mailq; mailq -qQ > $O/mailqQ
sendmail -Am -q; ls > $O/ls2; cat /var/mail/alice > $O/alice1 2>/dev/null
sendmail -Am -Q -qQ; ls > $O/ls3
sendmail -Am -Qx; ls > $O/ls4
" >/dev/null 2>&1
cp "$T/sbx/log/syslog.raw" "$O/syslog" 2>/dev/null
echo "1..9"
ok "-Qspammy -qRalice exits 0" '[ "$(cat $O/q.rc)" = 0 ]'
ok "the selected entry becomes an hf with q line" '[ "$(grep -c ^hf $O/ls1)" = 1 ] && [ "$(grep -c ^qf $O/ls1)" = 1 ] && grep -q "^qspammy$" $O/hf && grep -q "^RPFD:alice$" $O/hf'
ok "mailq hides it" '! grep -q alice $O/mailq && grep -q "Total requests: 1" $O/mailq'
ok "mailq -qQ lists it with QUARANTINE:" 'grep -q "^     QUARANTINE: spammy$" $O/mailqQ'
ok "a queue run leaves the quarantined entry alone" '[ "$(grep -c ^hf $O/ls2)" = 1 ] && ! grep -qs "to alice" $O/alice1'
ok "-Q -qQ releases it" '[ "$(grep -c ^hf $O/ls3)" = 0 ] && [ "$(grep -c ^qf $O/ls3)" = 1 ]'
ok "-Qx alone quarantines every entry" '[ "$(grep -c ^hf $O/ls4)" = 1 ] && [ "$(grep -c ^qf $O/ls4)" = 0 ]'
ok "log: quarantine=spammy, unquarantine" 'grep -q ": quarantine=spammy$" $O/syslog && grep -q ": unquarantine$" $O/syslog'
ok "log: quarantine=x" 'grep -q ": quarantine=x$" $O/syslog'
