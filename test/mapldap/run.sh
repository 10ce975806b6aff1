#!/bin/bash
# Run every case of cases.txt through a sendmail binary in -bt mode
# against a real slapd and print the combined output, one "== case"
# header per case.  A case is a block of cf lines (K, O, S, R lines
# appended to a small base cf) and, after a "--" line, the -bt input.
# slapd serves data.ldif on 127.0.0.1:389 and on the unix socket
# WORKDIR/ldapi; blackhole.py accepts on 127.0.0.1:3899 and never
# answers (timeouts).  Runs inside the oracle sandbox (its own network
# namespace), both to capture the reference (capture.sh) and in
# test/integration/map-ldap.t.   run.sh BINARY WORKDIR
set -u
BIN=$1; W=$2; HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$W"; mkdir -p "$W/db"; chmod 755 "$W"; cd "$W" || exit 2
sed "s|@W@|$W|g" "$HERE/slapd.conf.in" > slapd.conf
slapadd -q -f slapd.conf -l "$HERE/data.ldif" > slapadd.log 2>&1 || { cat slapadd.log; exit 2; }
printf 'mailer-secret' > pw.good; printf 'wrong\n' > pw.bad; chmod 600 pw.good pw.bad
/usr/sbin/slapd -f slapd.conf -h "ldap://127.0.0.1:389/ ldapi://$(printf %s "$W/ldapi" | sed 's|/|%2F|g')" 2> slapd.log || { cat slapd.log; exit 2; }
python3 "$HERE/blackhole.py" 127.0.0.1 3899 "$W/bh.ready" &
BH=$!
for i in $(seq 100); do
	[ -e "$W/bh.ready" ] && ldapsearch -x -H ldap://127.0.0.1:389 -b dc=example,dc=com -s base >/dev/null 2>&1 && break
	sleep 0.05
done
. "$HERE/../lib/bt-cases.sh"
bt_cases "$BIN" "$HERE/${CASES:-cases.txt}"
[ -n "${KEEP:-}" ] && exit 0
kill "$BH" 2>/dev/null; wait "$BH" 2>/dev/null
[ -s slapd.pid ] && kill "$(cat slapd.pid)" 2>/dev/null
exit 0
