#!/bin/bash
# The map classes regex, program, socket, sequence, switch, user,
# syslog, nis, nisplus, ldap and the classes this build lacks: every
# case of test/mapclasses/cases.txt must give the reference's -bt
# output and exit status byte for byte (test/mapclasses/expected.out,
# captured by test/mapclasses/capture.sh), the socketmap server must
# see the same requests and the syslog map must log the same lines.
# Runs in the oracle's namespace sandbox (private host name, loopback
# only network, /dev/log sink); the socketmap server
# (test/mapclasses/socketmap-server.py) lives and dies inside it.
# Last, one check of our own that the reference cannot pass: a program
# map whose program never answers is killed after its timeout.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${SENDMAIL_BIN:-$TOP/build/sendmail}
D=$TOP/test/mapclasses
if [ "$(id -u)" != 0 ] || ! unshare --uts --net --mount --pid --fork true 2>/dev/null; then
	echo "1..0 # SKIP needs root and unshare(1) for the namespace sandbox"; exit 0
fi
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
mkdir -p "$W/sbx/ov"
bash "$TOP/test/oracle/lib/sbx.sh" "$W/sbx" "bash '$D/run.sh' '$BIN' /var/lib/mapcls" > "$W/got.out" 2>&1
python3 "$TOP/test/lib/compare-cases.py" "$D/expected.out" "$W/got.out" 1
# the timeout of a program map that never answers
n=$(( $(grep -c '^== ' "$D/expected.out") - $(grep -c '^== Ruleset' "$D/expected.out") + 1 ))
mkdir -p "$W/t" && chmod 755 "$W" "$W/t"
printf '#!/bin/sh\nexec sleep 100\n' > "$W/t/hang.sh"; chmod 755 "$W/t/hang.sh"
printf 'V10\nMlocal, P=/bin/true, F=l, A=x\nS0\nR$*\t$#local $: $1\nKp program %s\n' "$W/t/hang.sh" > "$W/t/t.cf"
start=$(date +%s)
out=$(printf '/map p key\n' | unshare --uts --net --pid --fork bash -c "hostname mail.example.com; ip link set lo up 2>/dev/null; timeout 90 '$BIN' -C '$W/t/t.cf' -bt" 2>&1)
took=$(( $(date +%s) - start ))
if printf '%s' "$out" | grep -q 'map_lookup: p (key) prog_map_lookup(p): timeout' &&
   printf '%s' "$out" | grep -q 'no match (75)' && [ "$took" -lt 60 ]; then
	echo "ok $n - a program that never answers is killed after the timeout (${took}s)"
else
	echo "not ok $n - program map timeout (${took}s)"; printf '%s\n' "$out" | sed 's/^/#  /'
fi
