#!/bin/bash
# map-interchange.t -- Berkeley DB maps built by the reference makemap and
# by ours must be the same files and read the same everywhere.  For hash
# and btree, each with no flag, -N, -f, -d, -r, -e and -N -f, one source
# (mixed case, duplicates, empty values, blanks in values) is built by both
# makemaps inside the oracle sandbox, then:
#   build    both print the same messages and exit with the same status;
#   dump     db5.3_dump -p of the two files is identical (same layout);
#   unmap    makemap -u of ours and of the reference, each over both files,
#            print the same (4 runs);
#   lookup   /map in -bt of our sendmail and of the reference, each over
#            both files (K lines with the matching -N / -f), print the same
#            (4 runs), and editmap -q of both over both files agrees.
# Skips only without root/unshare/overlayfs or the unpacked reference.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
RB=$REF/usr/libexec/sendmail
L=$TOP/test/oracle/lib
VARIANTS=("hash|" "hash|-N" "hash|-f" "hash|-d" "hash|-r" "hash|-e" "hash|-N -f"
	  "btree|" "btree|-N" "btree|-f" "btree|-d" "btree|-r" "btree|-e" "btree|-N -f")
KEYS="key1 Key1 KEY3 key3 dup Dup multi empty with.dots@example.com nosuch MiXed mixed %"

inner() { # runs inside the sandbox: writes TAP lines (without plan) to stdout
	local W=$1 D=/etc/mail/ix i=0 v type fl kf
	mkdir -p "$D"
	printf 'Key1\tvalue one\nkey2 value two\nKEY3\t  spaced value  \n# comment\n\n%s\n' \
		'key1	duplicate lower' 'Key1 duplicate exact' 'empty' 'dup first' 'Dup second' \
		'dup third' 'with.dots@example.com OK' 'MiXed Case Value' 'multi a b  c	d' \
		'% percent' > "$W/src"
	for v in "${VARIANTS[@]}"; do
		i=$((i + 1)); type=${v%%|*}; fl=${v#*|}
		kf=$(echo "$fl" | tr ' ' '\n' | grep -E '^-(N|f)$' | tr '\n' ' ')
		one "$W" "$D" "$i" "$type" "$fl" "$kf"
	done
}

same() { # name file1 file2...: ok when all files are identical
	local name=$1 a=$2 f bad=
	shift 2
	for f in "$@"; do cmp -s "$a" "$f" || bad="$bad $f"; done
	if [ -z "$bad" ]; then echo "ok - $name"; else
		echo "not ok - $name"
		for f in $bad; do diff "$a" "$f" | head -20 | sed 's/^/# /'; done
	fi
}

one() { # W D i type flags kflags
	local W=$1 D=$2 i=$3 type=$4 fl=$5 kf=$6 t="$4 ${5:-(no flag)}" who m s k
	for who in r o; do
		m=$RB/makemap; [ $who = o ] && m=$BUILD/makemap
		# shellcheck disable=SC2086
		(cd "$D" && "$m" $fl "$type" "$D/$who$i" < "$W/src" > "$W/b-$who$i" 2>&1; echo "rc=$?" >> "$W/b-$who$i")
		db5.3_dump -p "$D/$who$i.db" > "$W/d-$who$i" 2>&1
	done
	sed -i "s/\bo$i\b/r$i/" "$W/b-o$i"
	same "$t: build messages and status" "$W/b-r$i" "$W/b-o$i"
	same "$t: db5.3_dump -p identical" "$W/d-r$i" "$W/d-o$i"
	for who in r o; do
		# shellcheck disable=SC2086
		"$RB/makemap" $fl -u "$type" "$D/$who$i" > "$W/u-R$who$i" 2>&1
		# shellcheck disable=SC2086
		"$BUILD/makemap" $fl -u "$type" "$D/$who$i" > "$W/u-O$who$i" 2>&1
		{ cat /etc/mail/sendmail.cf; echo "Kix $type -o $kf$D/$who$i"; } > "$W/cf-$who$i"
		for k in $KEYS; do echo "/map ix $k"; done > "$W/bt-in"
		"$RB/sendmail" -C "$W/cf-$who$i" -bt < "$W/bt-in" > "$W/l-R$who$i" 2>&1
		"$BIN" -C "$W/cf-$who$i" -bt < "$W/bt-in" > "$W/l-O$who$i" 2>&1
		for k in $KEYS; do
			# shellcheck disable=SC2086
			"$RB/editmap" $kf -q "$type" "$D/$who$i" "$k" 2>&1; echo "rc=$?"
		done > "$W/q-R$who$i"
		for k in $KEYS; do
			# shellcheck disable=SC2086
			"$BUILD/editmap" $kf -q "$type" "$D/$who$i" "$k" 2>&1; echo "rc=$?"
		done | sed "s|$D/o$i|$D/r$i|" > "$W/q-O$who$i"
	done
	sed -i "s|$D/o$i|$D/r$i|" "$W/q-Ro$i"
	same "$t: makemap -u, both tools over both files" "$W/u-Rr$i" "$W/u-Or$i" "$W/u-Ro$i" "$W/u-Oo$i"
	same "$t: /map in -bt, both sendmails over both files" "$W/l-Rr$i" "$W/l-Or$i" "$W/l-Ro$i" "$W/l-Oo$i"
	same "$t: editmap -q, both tools over both files" "$W/q-Rr$i" "$W/q-Or$i" "$W/q-Ro$i" "$W/q-Oo$i"
	grep -q "returns" "$W/l-Rr$i" && echo "ok - $t: lookups found entries" ||
		echo "not ok - $t: lookups found entries"
}

if [ "${1:-}" = --inner ]; then
	inner "$2"
	exit 0
fi
if [ "$(id -u)" != 0 ] || ! unshare --uts --net --mount --pid --fork true 2>/dev/null; then
	echo "1..0 # SKIP needs root and unshare(1) for the sandbox"; exit 0
fi
if [ ! -x "$RB/makemap" ] || ! command -v db5.3_dump >/dev/null; then
	echo "1..0 # SKIP the reference ($REF) or db5.3_dump (db5.3-util) is missing"; exit 0
fi
if [ ! -x "$BUILD/makemap" ] || [ ! -x "$BUILD/editmap" ]; then
	echo "1..1"; echo "not ok 1 - $BUILD/makemap and editmap are built"; exit 0
fi
W=$(mktemp -d /tmp/map-interchange.XXXXXX); trap 'rm -rf "$W"' EXIT
bash "$L/gencf.sh" "$W/cf" > "$W/log" 2>&1 &&
	SENDMAIL_BIN=$BIN bash "$L/mksbx.sh" "$W/sbx" seed "$W/cf" >> "$W/log" 2>&1 || {
	echo "1..1"; echo "not ok 1 - sandbox"; sed 's/^/# /' "$W/log"; exit 0; }
mkdir -p "$W/out"
BUILD=$BUILD SENDMAIL_BIN=$BIN SENDMAIL_REF=$REF bash "$L/sbx.sh" "$W/sbx" \
	"bash '$TOP/test/integration/map-interchange.t' --inner '$W/out'" > "$W/tap" 2>&1
n=$(grep -c '^\(not \)\?ok ' "$W/tap")
echo "1..$((${#VARIANTS[@]} * 6))"
awk '/^(not )?ok /{ n++; sub(/^ok /, "ok " n " "); sub(/^not ok /, "not ok " n " "); print; next }
     /^#/ { print; next } { print "# " $0 }' "$W/tap"
[ "$n" = $((${#VARIANTS[@]} * 6)) ] || echo "# expected $((${#VARIANTS[@]} * 6)) results, got $n"
