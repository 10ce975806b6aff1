#!/bin/bash
# aliases.t -- the alias database against the reference, in the oracle's
# namespace sandbox (seed configuration): newaliases / -bi on malformed,
# long, NUL-laden, missing, unsafe and locked alias files; praliases
# (all, keys, -f, -C, errors); interchange (databases built by the
# reference's newaliases read by our praliases and /map, and ours read by
# the reference's); -bv through aliases, :include: files and loops.
# Every case of test/integration/aliases/cases.sh is run with the
# reference's programs and with ours; output and status must be equal.
. "$(dirname "$0")/lib/refsbx.sh" aliases
mkdir -p "$T/bin" "$T/out-ref" "$T/out-our"
ln -s "$(readlink -f "$SENDMAIL_BIN")" "$T/bin/newaliases"
SENDMAIL_BIN=$R/sendmail "$L/mksbx.sh" "$T/sbx" seed "$T/cf" >/dev/null 2>&1 || { echo "1..0 # SKIP cannot make the sandbox"; exit 0; }
OURS="SM=$SENDMAIL_BIN NA=$T/bin/newaliases PA=$BUILD/praliases MM=$R/makemap"
REFS="SM=$R/sendmail NA=$R/newaliases PA=$R/praliases MM=$R/makemap"
# each side twice: its own databases, then the other side's (interchange)
run() { # outdir vars built
	"$L/sbx.sh" "$T/sbx" "bash $L/postinstall.sh >/dev/null 2>&1; export $2 BUILT=$3 OUT=$1; bash $TOP/test/integration/aliases/cases.sh" >/dev/null 2>&1
}
run "$T/out-ref" "$REFS" "$R/newaliases"
run "$T/out-our" "$OURS" "$T/bin/newaliases"
mkdir -p "$T/out-ref-x" "$T/out-our-x"
run "$T/out-ref-x" "$REFS" "$T/bin/newaliases"
run "$T/out-our-x" "$OURS" "$R/newaliases"
cases=$(cd "$T/out-ref" && ls)
n=$(echo "$cases" | wc -w)
echo "1..$((n * 2))"
i=0
for side in "" -x; do
	for c in $cases; do
		i=$((i + 1))
		if cmp -s "$T/out-ref$side/$c" "$T/out-our$side/$c"; then
			echo "ok $i - $c${side:+ (interchange)}"
		else
			echo "not ok $i - $c${side:+ (interchange)}"
			diff -u "$T/out-ref$side/$c" "$T/out-our$side/$c" | sed 's/^/# /' | head -20
		fi
	done
done
