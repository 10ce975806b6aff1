#!/bin/bash
# queue-interchange.t -- one queue directory, two programs (issue 5): in
# the oracle's sandbox (ours as sendmail, the reference run by its path)
# messages of several shapes (plain, -t, 8BITMIME with -f/-F, DSN -N -R -V, the null sender,
# aliases expanded at queue time, a From_ line and dots) are queued with
# -odq by the reference, listed by both mailq's (identical), and run once
# by the reference's queue run and once, from the same copy of the queue,
# by ours: the mailboxes must be equal with dates masked.  Then the same
# with the messages queued by ours.
NAME=queue-interchange
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O REF=$REF; bash $TOP/test/integration/queue-interchange/inner.sh" >/dev/null 2>&1
# From_ line dates and the dates of Received:/Date: fields are masked
mask() { sed -E 's/[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9][0-9] [0-9:]{8} [0-9]{4}/DATE/; s/[A-Z][a-z]{2}, [ 0-9]?[0-9] [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} [-+A-Z0-9]+/DATE/' "$1"; }
same_mail() {
	local d=$1 u
	for u in alice bob carol; do
		diff <(mask "$O/$d.run-ref.$u") <(mask "$O/$d.run-ours.$u") > "$O/$d.$u.diff" ||
			{ sed 's/^/# /' "$O/$d.$u.diff" | head -20; return 1; }
	done
}
echo "1..12"
for d in ref ours; do
	by=$([ $d = ref ] && echo "the reference" || echo "ours")
	ok "queued by $by: eight entries" '[ "$(grep -c "^[0-9A-Za-z]\{14\}" $O/$d.mailq.ref)" = 8 ]'
	ok "queued by $by: mailq identical" 'diff $O/$d.mailq.ref $O/$d.mailq.ours > $O/$d.mailq.diff || { sed "s/^/# /" $O/$d.mailq.diff | head -20; false; }'
	ok "queued by $by: mailq -v identical" 'diff $O/$d.mailqv.ref $O/$d.mailqv.ours > $O/$d.mailqv.diff || { sed "s/^/# /" $O/$d.mailqv.diff | head -20; false; }'
	ok "queued by $by: both queue runs deliver everything" \
	   '! grep -q "^[qdt]f" $O/$d.run-ref.ls && ! grep -q "^[qdt]f" $O/$d.run-ours.ls && [ "$(grep -c "^From " $O/$d.run-ours.alice)" = 5 ]'
	ok "queued by $by: mailboxes equal (dates masked)" 'same_mail $d'
	ok "queued by $by: the 8-bit body arrives as it was queued" 'LC_ALL=C grep -aq "^caf. cr.me$" $O/$d.run-ours.alice && [ "$(LC_ALL=C grep -ac "^caf. cr.me$" $O/$d.run-ref.alice)" = 1 ]'
done
