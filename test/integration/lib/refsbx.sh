# refsbx.sh -- sourced by the tests that run the reference and ours side
# by side in the oracle's namespace sandbox: sets TOP BUILD SENDMAIL_BIN
# REF R (the reference's libexec) L (test/oracle/lib), skips (TAP "1..0")
# when root, unshare, namespaces or the unpacked reference are missing,
# makes the scratch directory T (removed on exit) and the cf files in
# $T/cf; defines same() (a TAP line comparing two files).  Usage: . "$(dirname "$0")/lib/refsbx.sh" NAME
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SENDMAIL_BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
R=$REF/usr/libexec/sendmail
L=$TOP/test/oracle/lib
[ "$(id -u)" = 0 ] || { echo "1..0 # SKIP needs root for the namespace sandbox"; exit 0; }
command -v unshare >/dev/null || { echo "1..0 # SKIP unshare not available"; exit 0; }
[ -x "$R/sendmail" ] || { echo "1..0 # SKIP reference not unpacked in $REF"; exit 0; }
unshare --uts --mount --net --pid --fork true 2>/dev/null || { echo "1..0 # SKIP namespaces unavailable"; exit 0; }
T=$(mktemp -d "/tmp/$1-t.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
"$L/gencf.sh" "$T/cf" >/dev/null 2>&1 || { echo "1..0 # SKIP cannot generate the cf files"; exit 0; }
# same N DESCRIPTION EXPECTED ACTUAL: a TAP line, the diff as comments
same() {
	if cmp -s "$3" "$4"; then
		echo "ok $1 - $2"
	else
		echo "not ok $1 - $2"
		diff "$3" "$4" | sed 's/^/#   /'
	fi
}
