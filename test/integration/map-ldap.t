#!/bin/bash
# The ldap map class against a real slapd: every case of
# test/mapldap/cases.txt must give the reference's -bt output and exit
# status byte for byte (test/mapldap/expected.out, captured by
# test/mapldap/capture.sh).  slapd (serving test/mapldap/data.ldif on
# 127.0.0.1:389 and a unix socket) and a server that never answers
# searches run inside the oracle's namespace sandbox and die with it.
# Cases named in test/mapldap/known-differences are reported as TODO.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${SENDMAIL_BIN:-$TOP/build/sendmail}
D=$TOP/test/mapldap
if [ "$(id -u)" != 0 ] || ! unshare --uts --net --mount --pid --fork true 2>/dev/null; then
	echo "1..0 # SKIP needs root and unshare(1) for the namespace sandbox"; exit 0
fi
if [ ! -x /usr/sbin/slapd ] || ! command -v slapadd >/dev/null || ! command -v ldapsearch >/dev/null; then
	echo "1..0 # SKIP needs slapd and ldap-utils (contrib/install-deps.sh)"; exit 0
fi
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
mkdir -p "$W/sbx/ov"
bash "$TOP/test/oracle/lib/sbx.sh" "$W/sbx" "bash '$D/run.sh' '$BIN' /var/lib/mapldap" > "$W/got.out" 2>&1
python3 "$TOP/test/lib/compare-cases.py" "$D/expected.out" "$W/got.out" > "$W/tap"
while IFS= read -r line; do
	case "$line" in
	'not ok '*)
		name=${line#not ok * - }
		if grep -qxF "$name" "$D/known-differences"; then
			line="$line # TODO known difference (doc/differences.md)"
		fi;;
	esac
	printf '%s\n' "$line"
done < "$W/tap"
