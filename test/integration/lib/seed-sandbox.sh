# seed-sandbox.sh -- sourced by integration tests that run our sendmail in
# the oracle's namespace sandbox with the seed configuration.
#   NAME=mytest; . "$TOP/test/integration/lib/seed-sandbox.sh"
# sets TOP BUILD SENDMAIL_BIN REF L, makes T (removed at exit unless KEEP
# is set), the cf files in $T/cf and the sandbox $T/sbx, and O=$T/out;
# prints a TAP skip and exits when root, the reference, namespaces or the
# sandbox are not available.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SENDMAIL_BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
L=$TOP/test/oracle/lib
[ "$(id -u)" = 0 ] || { echo "1..0 # SKIP needs root for the namespace sandbox"; exit 0; }
[ -x "$REF/usr/libexec/sendmail/sendmail" ] || { echo "1..0 # SKIP reference not unpacked in $REF"; exit 0; }
unshare --uts --mount --net --pid --fork true 2>/dev/null || { echo "1..0 # SKIP namespaces unavailable"; exit 0; }
T=$(mktemp -d "/tmp/${NAME:-sbx}-t.XXXXXX") || exit 1
trap "rm -rf $T" EXIT; [ -n "${KEEP:-}" ] && trap - EXIT
"$L/gencf.sh" "$T/cf" >/dev/null 2>&1 || { echo "1..0 # SKIP cannot generate the cf files"; exit 0; }
SENDMAIL_BIN=$SENDMAIL_BIN "$L/mksbx.sh" "$T/sbx" seed "$T/cf" >/dev/null 2>&1 || { echo "1..0 # SKIP cannot make the sandbox"; exit 0; }
O=$T/out; mkdir -p "$O"
n=0
ok() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; fi; }
# run_both INNER: the script INNER (bash, env L and OUTD=$O/SIDE) in a
# fresh seed sandbox with the reference's sendmail ($T/sbx-ref, $O/ref)
# and one with ours ($T/sbx-ours, $O/ours); with RUN_BOTH_AT_ONCE set the
# two run at the same time (for scripts that mostly wait)
run_both() {
	local w bin
	for w in ref ours; do
		case $w in ref) bin=$REF/usr/libexec/sendmail/sendmail;; *) bin=$SENDMAIL_BIN;; esac
		SENDMAIL_BIN=$bin "$L/mksbx.sh" "$T/sbx-$w" seed "$T/cf" >/dev/null 2>&1 || { echo "1..0 # SKIP cannot make the sandbox"; exit 0; }
		mkdir -p "$O/$w"
		if [ -n "${RUN_BOTH_AT_ONCE:-}" ]; then
			"$L/sbx.sh" "$T/sbx-$w" "export L=$L OUTD=$O/$w; bash $1" >/dev/null 2>&1 &
		else
			"$L/sbx.sh" "$T/sbx-$w" "export L=$L OUTD=$O/$w; bash $1" >/dev/null 2>&1
		fi
	done
	wait
}
