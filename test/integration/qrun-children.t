#!/bin/bash
# qrun-children.t -- MaxQueueChildren (issue 5): a queue-runner daemon
# (-q1s) over slow local deliveries starts a runner every interval, each
# in its own child; with MaxQueueChildren=N no more than N run at once
# (an interval's run is skipped while N are busy), as the reference does;
# without it they pile up.  Every message is delivered exactly once.  The
# same is run with the reference (its counts shown as comments and
# compared).  MaxRunnersPerQueue: with the cf's single queue group the
# reference keeps one persistent runner (-qp) whatever its value; so does
# ours.
NAME=qrun-children
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O REF=$REF; bash $TOP/test/integration/qrun-children/inner.sh" >/dev/null 2>&1
get() { sed -n "s/^$2: //p" "$O/$1" 2>/dev/null; }
for w in ours ref; do for c in none one two qp; do
	echo "# $w, MaxQueueChildren $c: at most $(get $w.$c max) runners at once, $(get $w.$c mail) delivered ($(get $w.$c distinct) distinct), $(get $w.$c queue) left"
done; done
echo "1..9"
ok "no limit: runners pile up (more than one at once), as with the reference" '[ "$(get ours.none max)" -ge 2 ] && [ "$(get ref.none max)" -ge 2 ]'
ok "MaxQueueChildren=1: never more than one runner, as the reference" '[ "$(get ours.one max)" = 1 ] && [ "$(get ref.one max)" = 1 ]'
ok "MaxQueueChildren=2: two at most, and two reached, as the reference" '[ "$(get ours.two max)" = 2 ] && [ "$(get ref.two max)" = 2 ]'
ok "-qp with MaxRunnersPerQueue=3: one persistent runner, as the reference" '[ "$(get ours.qp max)" = 1 ] && [ "$(get ref.qp max)" = 1 ]'
for c in none one two qp; do
	ok "$c: every message delivered exactly once, the queue empty" \
	   '[ "$(get ours.$c mail)" = 5 ] && [ "$(get ours.$c distinct)" = 5 ] && [ "$(get ours.$c queue)" = 0 ]'
done
ok "the reference delivers each message once too" '[ "$(get ref.none mail)$(get ref.one mail)$(get ref.two mail)" = 555 ]'
