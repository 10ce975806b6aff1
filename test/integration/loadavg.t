#!/bin/bash
# loadavg.t -- QueueLA (issue 5): with the load average faked by a file
# bind-mounted over /proc/loadavg in the sandbox, our sendmail must do
# what the reference does: queue a submission (-odi, -odb, SMTP; aliases
# expanded, "queued" with -v and in the log) whose priority is above
# QueueFactor / (LA - QueueLA + 1), deliver cheaper ones, skip a queue run
# whose RecipientFactor is above it (-q and -qf), leave expensive entries
# out of a run and out of its count, mark them X in mailq for the orders
# that read the control files, round the load to the nearest integer, and
# go back to normal when the load drops.  Each step's output, exit status,
# queue count, mailbox count and log lines must equal the reference's.
NAME=loadavg
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O REF=$REF SBX=$T/sbx; bash $TOP/test/integration/loadavg/inner.sh" >/dev/null 2>&1
steps=$(cd "$O" && ls ref.* 2>/dev/null | grep -v '\.out$' | sed 's/^ref\.//')
set -- $steps
[ $# -gt 0 ] || { echo "1..1"; echo "not ok 1 - the sandbox run produced nothing"; exit 0; }
echo "1..$#"
for s in $steps; do
	ok "$s: as the reference" "diff $O/ref.$s $O/ours.$s >/dev/null"
	diff $O/ref.$s $O/ours.$s 2>&1 | sed 's/^/#   /' | head -30
done
