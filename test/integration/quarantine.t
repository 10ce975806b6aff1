#!/bin/bash
# quarantine.t -- sendmail -Q[reason] in the oracle's namespace sandbox
# (seed configuration, our binary): -Qreason -qRalice quarantines only the
# selected entry (hfID with a q line, hidden from mailq, listed by mailq
# -qQ with QUARANTINE:), a queue run leaves it alone, -Q -qQ releases it,
# -Qx alone quarantines everything; log lines as the reference's.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SENDMAIL_BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
L=$TOP/test/oracle/lib
[ "$(id -u)" = 0 ] || { echo "1..0 # SKIP needs root for the namespace sandbox"; exit 0; }
[ -x "$REF/usr/libexec/sendmail/sendmail" ] || { echo "1..0 # SKIP reference not unpacked in $REF"; exit 0; }
unshare --uts --mount --net --pid --fork true 2>/dev/null || { echo "1..0 # SKIP namespaces unavailable"; exit 0; }
T=$(mktemp -d /tmp/quarantine-t.XXXXXX) || exit 1
trap "rm -rf $T" EXIT; [ -n "${KEEP:-}" ] && trap - EXIT
"$L/gencf.sh" "$T/cf" >/dev/null 2>&1 || { echo "1..0 # SKIP cannot generate the cf files"; exit 0; }
SENDMAIL_BIN=$SENDMAIL_BIN "$L/mksbx.sh" "$T/sbx" seed "$T/cf" >/dev/null 2>&1 || { echo "1..0 # SKIP cannot make the sandbox"; exit 0; }
O=$T/out; mkdir -p "$O"
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
n=0
ok() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; fi; }
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
