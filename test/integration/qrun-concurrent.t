#!/bin/bash
# qrun-concurrent.t -- two queue runners over one queue (issue 5): 40
# messages queued, then two runners started at once: ours with ours, ours
# with the reference (both ways), and ours with its flock calls delayed
# 30 ms by strace (a wide window between opening a qf and locking it)
# with ours and with the reference.  The qf lock (flock, the reference's) must keep every message to
# one delivery: each message (its Subject:) exactly once in the mailbox,
# each with its body, the queue empty.
NAME=qrun-concurrent
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O REF=$REF; bash $TOP/test/integration/qrun-concurrent/inner.sh" >/dev/null 2>&1
# per pair: "delivered duplicates lost"
tally() {
	local p=$1 tok c d=0 dup=0 lost=0
	while read -r tok; do
		c=$(grep -c "^Subject: ${tok%-*} ${tok##*-}\$" "$O/$p.mbox" 2>/dev/null); c=${c:-0}
		[ "$c" -ge 1 ] && d=$((d + 1)); [ "$c" -gt 1 ] && dup=$((dup + c - 1)); [ "$c" = 0 ] && lost=$((lost + 1))
	done < "$O/$p.tokens"
	echo "$d $dup $lost"
}
pairs="ours-ours ours-ref ref-ours"
command -v strace >/dev/null && pairs="$pairs slow-ours slow-ref"
echo "1..$(( $(echo $pairs | wc -w) * 3 ))"
for p in $pairs; do
	read -r dlv dup lost <<< "$(tally $p)"
	echo "# $p: $(wc -l < $O/$p.tokens 2>/dev/null) queued, $dlv delivered, $dup duplicate deliveries, $lost not delivered"
	ok "$p: every message delivered exactly once" '[ "$(wc -l < $O/$p.tokens)" = 40 ] && [ "$dlv" = 40 ] && [ "$dup" = 0 ]'
	ok "$p: the queue is empty afterwards" '[ ! -s $O/$p.ls ]'
	ok "$p: no message without its body" '[ "$(grep -c "^From " $O/$p.mbox)" = "$(grep -c "^token=" $O/$p.mbox)" ]'
done
