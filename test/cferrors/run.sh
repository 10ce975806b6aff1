#!/bin/bash
# Run every case of cases.txt through a sendmail binary and print the
# combined output, one "== case" header per case.  Each case is a cf
# line appended to a small base cf; LOOP/REC/TOK are rule-loop,
# recursion and expansion cases; "M:lines" are mailer definitions shown
# with =M.  Used both to capture the reference's
# answers (capture.sh, in the oracle sandbox) and by cf-errors.t.
#   run.sh BINARY WORKDIR
set -u
BIN=$1; W=$2; HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$W"; cd "$W" || exit 2
i=0
while IFS= read -r line; do
	i=$((i+1)); f=c$i.cf
	printf 'V10\nMlocal, P=/bin/true, F=l, A=x\nS0\nR$*\t$#local $: $1\n' > $f
	case "$line" in
	LOOP) printf 'SLoop\nR$*\t$1 x\n' >> $f; input='Loop a';;
	REC)  printf 'SRec\nR$*\t$: $>Rec $1\n' >> $f; input='Rec a';;
	TOK)  printf 'STok\nR$*\t$1 $1\n' >> $f; input='Tok a';;
	M:*)  printf '%b\n' "${line#M:}" >> $f; input='=M';;
	*)    printf '%b\n' "$line" >> $f; input='3,0 a';;
	esac
	echo "== $line"
	printf '%s\n' "$input" | timeout 10 "$BIN" -C $f -bt 2>&1
	echo "rc=$?"
done < "$HERE/cases.txt"
