#!/bin/bash
# diskfull.t -- a full queue file system (issue 5): a 4 MiB tmpfs over
# /var/spool/mqueue in the sandbox's private mount namespace, filled up
# while a message is submitted (no page left: the df write fails; one page
# left: the df fits, the qf does not).  Ours must answer with a temporary
# failure (EX_TEMPFAIL, the reason printed), leave nothing half-queued,
# and keep the earlier messages, which a queue run delivers once the space
# is back.  The same is done with the reference: it also refuses the
# message, but exits 71 (EX_OSERR) and leaves a df and an empty or partial
# qf behind (doc/differences.md); its outcome is shown as comments.
NAME=diskfull
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O REF=$REF; bash $TOP/test/integration/diskfull/inner.sh" >/dev/null 2>&1
early() { grep '^[qd]f' "$O/$1.early.ls"; }
for w in ours ref; do
	for s in full onepage; do
		echo "# $w $s: exit $(cat $O/$w.$s.rc 2>/dev/null), left: $(diff <(early $w) $O/$w.$s.ls | grep '^>' | sed 's/^> //' | tr '\n' ' ')"
		sed "s/^/#   /" "$O/$w.$s.out" 2>/dev/null
	done
done
echo "1..10"
ok "two messages queued before the disk fills" '[ "$(early ours | grep -c ^qf)" = 2 ]'
ok "full disk: exit 75 (EX_TEMPFAIL)" '[ "$(cat $O/ours.full.rc)" = 75 ]'
ok "full disk: the reason printed" 'grep -q "Cannot write /var/spool/mqueue/df.*: No space left on device" $O/ours.full.out'
ok "full disk: nothing half-queued" 'diff <(early ours) $O/ours.full.ls >/dev/null'
ok "one page left (df fits, qf does not): exit 75" '[ "$(cat $O/ours.onepage.rc)" = 75 ]'
ok "one page left: the reason printed" 'grep -q "cannot write /var/spool/mqueue/qf.*: No space left on device" $O/ours.onepage.out'
ok "one page left: nothing half-queued (no df, no tf)" 'diff <(early ours) $O/ours.onepage.ls >/dev/null'
ok "the early messages delivered once the space is back, nothing else" \
   '[ "$(grep -c "^token=ours-early[12]$" $O/ours.mbox)" = 2 ] && ! grep -q "^token=ours-\(full\|onepage\)" $O/ours.mbox'
ok "the queue is empty afterwards" '! grep -q "^[qdt]f" $O/ours.after.ls'
ok "the reference refuses both messages too (non-zero exit)" \
   '[ "$(cat $O/ref.full.rc)" != 0 ] && [ "$(cat $O/ref.onepage.rc)" != 0 ] && [ "$(grep -c "^token=ref-early[12]$" $O/ref.mbox)" = 2 ]'
