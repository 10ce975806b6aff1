#!/bin/bash
# mailstats-format.t -- our mailstats against the reference's on the same
# statistics files and cf files (issue 5): crafted records (counts on
# several mailers, numbers wider than the columns, negative ones, a mailer
# without a name, only kbytes, a longer file), the files mailstats refuses
# (empty, junk, zeros, another version, another size, short), every output
# option (-P -o -p), the ways a cf names the file (O StatusFile with blanks,
# any case, relative; OS; last one wins; none) and numbers its mailers
# (built-ins, redefinitions, empty names, too many), and the usage errors.
# Output and exit status must be identical (times masked: "now" differs).
# -p must empty a valid file and leave an empty one alone, as the
# reference does.  Skips without the reference or python3.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
REF=${SENDMAIL_REF:-/opt/sendmail-ref}
RM=$REF/usr/libexec/sendmail/mailstats
OM=$BUILD/mailstats
[ -x "$RM" ] || { echo "1..0 # SKIP reference mailstats not in $REF"; exit 0; }
command -v python3 >/dev/null || { echo "1..0 # SKIP python3 not found"; exit 0; }
T=$(mktemp -d /tmp/mailstats-format.XXXXXX) || exit 1
trap 'rm -rf "$T"' EXIT
MK=$TOP/test/integration/mailstats/mkstat.py
cd "$T" || exit 1
B=12345678901234
python3 "$MK" big.st 0x1b1de 4 1000000000 1448 1 2 3 0,0,$B 1,0,$B 2,0,$B 3,0,$B 4,0,$B 5,0,$B 6,0,$B 0,3,5 2,24,7 4,24,1 6,24,1 4,20,3
python3 "$MK" conn.st 0x1b1de 4 1000000000 1448 $B 223456789012 323456789012 4,5,1 5,6,1 6,7,1 1,8,1 3,10,1
python3 "$MK" neg.st 0x1b1de 4 -5 1448 -1 -2 -3 0,9,-1 1,9,-5000
python3 "$MK" local.st 0x1b1de 4 1795339242 1448 0 0 0 0,9,3 1,9,4 2,9,2 3,9,3
python3 "$MK" seven.st 0x1b1de 4 1000000000 1448 0 0 0 0,0,1 0,1,1 0,2,1 0,3,1 0,4,1 0,5,1 0,6,1
python3 "$MK" v3.st 0x1b1de 3 1000000000 1448 0 0 0
python3 "$MK" size.st 0x1b1de 4 1000000000 1000 0 0 0
head -c 100 conn.st > short.st
{ cat conn.st; head -c 600 /dev/zero; } > long.st
: > empty.st
echo junk > junk.st
head -c 1448 /dev/zero > zero.st
printf 'Mlocal, P=/bin/true, F=l, A=x\nMfoo, P=/bin/true, F=l, A=x\nMprog, P=/bin/true, F=l, A=x\nMnew, P=x, A=x\n' > names.cf
SEED=$T/seed.cf
if ! "$TOP/test/oracle/lib/gencf.sh" "$T/gen" >/dev/null 2>&1; then SEED=names.cf; else SEED=$T/gen/seed.cf; fi
# the time now in -P's first line, and the start time too when the file
# is empty (it is then now as well: two runs may straddle a second)
mask() {
	sed -e 's/^Statistics from .*/Statistics from <CTIME>/' |
		awk -v now="$(date +%s)" 'NR == 1 && NF == 2 && $1 ~ /^-?[0-9]+$/ && $2 ~ /^[0-9]+$/ {
			if ($1 + 0 >= now - 60) $1 = "<NOW>"; $2 = "<NOW>" } { print }'
}
out() { "$@" 2>&1; echo "exit $?"; }
n=0 bad=0
check() {   # check NAME ARGS...: both programs, same output
	local a b
	a=$(cd "$T" && out "$RM" "${@:2}" | sed "s|^$RM:|mailstats:|" | mask)
	b=$(cd "$T" && out "$OM" "${@:2}" | sed "s|^$OM:|mailstats:|" | mask)
	n=$((n + 1))
	if [ "$a" == "$b" ]; then echo "ok $n - $1"; else
		echo "not ok $n - $1"; diff <(echo "$a") <(echo "$b") | sed 's/^/# /' | head -20; fi
}
echo "1..$((12 * 5 * 2 + 27 + 7 + 4))"
for f in big conn neg local seven long empty junk zero v3 size short; do
	for fl in "" -P -o "-o -P" "-P -o"; do
		for cf in "$SEED" names.cf; do
			check "$f.st ${fl:-(table)} $(basename $cf)" -C "$cf" $fl -f "$f.st"
		done
	done
done
i=0
for c in 'O StatusFile=/T/local.st\n' 'O StatusFile =/T/local.st\n' 'O StatusFile= /T/local.st\n' \
	'O StatusFile=/T/local.st  \n' 'O StatusFile=/T/local.st\t# c\n' 'O  StatusFile=/T/local.st\n' \
	'O statusfile=/T/local.st\n' 'O StatusFile=local.st\n' 'OS local.st\n' 'OSlocal.st\n' \
	'OS/T/local.st \n' 'O StatusFile=/T/local.st\nOS\n' 'O StatusFile=/T/local.st\nO StatusFileX=/x\n' \
	'O StatusFile\n' 'O StatusFile=\n' 'O StatusFile=/T/local.st\nO StatusFile=\n' \
	'O StatusFile:/T/local.st\n' 'O StatusFile=/T/nonexistent.st\n' 'O StatusFile=/T/seven.st\r\n' \
	'# none\n' \
	'Mfoo,\nM bar, x\nMbaz\tx\nMprog, x\nMfoo x\nM\nM,\nO StatusFile=/T/seven.st\n' \
	'Mlocal\nMlocal\nO StatusFile=/T/seven.st\n' \
	"$(for k in $(seq 1 22); do printf 'Mm%d,\\n' $k; done)O StatusFile=/T/seven.st\n" \
	"$(for k in $(seq 1 23); do printf 'Mm%d,\\n' $k; done)O StatusFile=/T/seven.st\n" \
	"O StatusFile=/T/seven.st\n$(for k in $(seq 1 23); do printf 'Mm%d,\\n' $k; done)"; do
	i=$((i + 1))
	printf "$(printf '%s' "$c" | sed "s|/T/|$T/|g")" > "c$i.cf"
	check "cf $i: $(printf '%s' "$c" | head -c 60)" -C "c$i.cf"
done
check "cf that does not exist" -C /nonexistent/sendmail.cf
check "cf that does not exist, with -f" -C /nonexistent/sendmail.cf -f local.st
for a in "-x" "-C" "extra" "-f" "-c -C c1.cf" "-C c1.cf -o -p -P -f nonexistent.st" "-c -f local.st -o"; do
	check "arguments: $a" $a
done
# -p: a valid record is emptied after printing, an empty file stays empty
for w in ref ours; do
	P=$RM; [ $w = ours ] && P=$OM
	cp local.st p-$w.st; : > pe-$w.st
	"$P" -C names.cf -p -f p-$w.st > p-$w.out; "$P" -C names.cf -p -f pe-$w.st > pe-$w.out
	"$P" -C names.cf -f p-$w.st > p2-$w.out
done
n=$((n + 1)); [ ! -s p-ours.st ] && [ ! -s p-ref.st ] && echo "ok $n - -p empties a valid file (as the reference)" || echo "not ok $n - -p empties a valid file"
n=$((n + 1)); [ ! -s pe-ours.st ] && [ ! -s pe-ref.st ] && echo "ok $n - -p leaves an empty file empty" || echo "not ok $n - -p leaves an empty file empty"
n=$((n + 1)); [ "$(mask < p-ours.out)" == "$(mask < p-ref.out)" ] && echo "ok $n - -p prints the record before emptying it" || echo "not ok $n - -p output"
n=$((n + 1)); [ "$(mask < p2-ours.out)" == "$(mask < p2-ref.out)" ] && grep -q '^ T        0' p2-ours.out && echo "ok $n - after -p the counts start again from zero" || echo "not ok $n - after -p"
