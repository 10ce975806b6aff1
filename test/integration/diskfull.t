#!/bin/bash
# diskfull.t -- a full queue file system (issue 5): a 4 MiB tmpfs over
# /var/spool/mqueue in the sandbox's private mount namespace, filled up
# while a message is submitted (no page left: the df write fails; one page
# left: the df fits, the qf does not).  Ours must answer with a temporary
# failure in the reference's words ("Insufficient disk space; try again
# later") and exit status (71, EX_OSERR), with the reason, leave nothing
# half-queued, and keep the earlier messages, which a queue run delivers
# once the space is back.  The same is done with the reference: it leaves a
# df and an empty or partial qf behind (doc/differences.md); its outcome is
# shown as comments.  Then MinFreeBlocks (the seed cf's 100): a submission
# is refused at the reference's threshold with its words and log line
# ("low on space (...)"), and SMTP's MAIL with its 452 reply; ours exits
# 75 and keeps nothing (the reference returns the message, or loses it
# when even that cannot be queued, doc/differences.md).
NAME=diskfull
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O REF=$REF SBX=$T/sbx; bash $TOP/test/integration/diskfull/inner.sh" >/dev/null 2>&1
early() { grep '^[qd]f' "$O/$1.early.ls"; }
for w in ours ref; do
	for s in full onepage; do
		echo "# $w $s: exit $(cat $O/$w.$s.rc 2>/dev/null), left: $(diff <(early $w) $O/$w.$s.ls | grep '^>' | sed 's/^> //' | tr '\n' ' ')"
		sed "s/^/#   /" "$O/$w.$s.out" 2>/dev/null
	done
done
for f in 150 101 100 50; do
	echo "# MinFreeBlocks, $f blocks free: ours exit $(cat $O/ours.min$f.rc 2>/dev/null), reference exit $(cat $O/ref.min$f.rc 2>/dev/null)"
	sed 's/^/#   ref: /' "$O/ref.min$f.out" 2>/dev/null | head -3
done
echo "1..18"
ok "two messages queued before the disk fills" '[ "$(early ours | grep -c ^qf)" = 2 ]'
ok "full disk: exit 71 (EX_OSERR), as the reference" '[ "$(cat $O/ours.full.rc)" = 71 ] && [ "$(cat $O/ref.full.rc)" = 71 ]'
ok "full disk: the reference's words, then the reason" \
   '[ "$(head -1 $O/ours.full.out)" = "$(head -1 $O/ref.full.out)" ] && [ "$(head -1 $O/ours.full.out)" = "Insufficient disk space; try again later" ] && grep -q "Cannot write /var/spool/mqueue/df.*: No space left on device" $O/ours.full.out'
ok "full disk: nothing half-queued" 'diff <(early ours) $O/ours.full.ls >/dev/null'
ok "one page left (df fits, qf does not): exit 71, as the reference" '[ "$(cat $O/ours.onepage.rc)" = 71 ] && [ "$(cat $O/ref.onepage.rc)" = 71 ]'
ok "one page left: the words and the reason printed" 'grep -qx "Insufficient disk space; try again later" $O/ours.onepage.out && grep -q "cannot write /var/spool/mqueue/qf.*: No space left on device" $O/ours.onepage.out'
ok "one page left: nothing half-queued (no df, no tf)" 'diff <(early ours) $O/ours.onepage.ls >/dev/null'
ok "the early messages delivered once the space is back, nothing else" \
   '[ "$(grep -c "^token=ours-early[12]$" $O/ours.mbox)" = 2 ] && ! grep -q "^token=ours-\(full\|onepage\)" $O/ours.mbox'
ok "the queue is empty afterwards" '! grep -q "^[qdt]f" $O/ours.after.ls'
ok "MinFreeBlocks: 150 and 101 free blocks: accepted, by both" \
   '[ "$(cat $O/ours.min150.rc)$(cat $O/ours.min101.rc)" = 00 ] && [ "$(cat $O/ref.min150.rc)$(cat $O/ref.min101.rc)" = 00 ] && [ ! -s $O/ours.min101.out ] && [ ! -s $O/ref.min101.out ]'
ok "MinFreeBlocks: 100 free blocks (the header needs one more): refused in the reference's words" \
   '[ "$(cat $O/ours.min100.out)" = "Insufficient disk space; try again later" ] && [ "$(head -1 $O/ref.min100.out)" = "$(cat $O/ours.min100.out)" ] && [ "$(cat $O/ours.min100.rc)" = 75 ]'
ok "MinFreeBlocks: 50 free blocks: refused in the reference's words, exit 75" \
   '[ "$(cat $O/ours.min50.out)" = "Insufficient disk space; try again later" ] && [ "$(head -1 $O/ref.min50.out)" = "$(cat $O/ours.min50.out)" ] && [ "$(cat $O/ours.min50.rc)" = 75 ]'
ok "MinFreeBlocks: the log line is the reference's (100 free)" '[ -s $O/ours.min100.log ] && diff $O/ref.min100.log $O/ours.min100.log >/dev/null'
ok "MinFreeBlocks: the log line is the reference's (50 free)" '[ -s $O/ours.min50.log ] && diff $O/ref.min50.log $O/ours.min50.log >/dev/null'
ok "MinFreeBlocks: nothing logged when there is room" '[ ! -s $O/ours.min150.log ] && [ ! -s $O/ours.min101.log ] && [ ! -s $O/ref.min101.log ]'
ok "MinFreeBlocks over SMTP: MAIL FROM answered 452 as by the reference" \
   '[ "$(cat $O/ours.minsmtp.out)" = "$(printf "452 4.4.5 Insufficient disk space; try again later\r")" ] && diff $O/ref.minsmtp.out $O/ours.minsmtp.out >/dev/null'
ok "MinFreeBlocks: ours kept nothing of the refused messages (queued: the two early, the two accepted)" '[ "$(cat $O/ours.minqueued)" = 4 ]'
ok "the reference refuses both messages too (non-zero exit)" \
   '[ "$(cat $O/ref.full.rc)" != 0 ] && [ "$(cat $O/ref.onepage.rc)" != 0 ] && [ "$(grep -c "^token=ref-early[12]$" $O/ref.mbox)" = 2 ]'
