#!/bin/bash
# crash.t -- crash safety of the queue (issue 5), in the oracle's namespace
# sandbox with our binary: SENDMAIL_CRASHPOINT (doc/crashpoints.md) kills
# the submitting process (-odq, every step of the df/tf/qf commit), the
# delivering one (-odi, -odb child) and queue runners (between the mailer
# and the qf's removal or rewrite) with SIGKILL; a recovery queue run
# follows.  Every acknowledged message (sendmail exited 0) must be in the
# mailbox once or, after a kill between the mailer and the qf update,
# twice; none lost; the queue left with complete entries only (every df
# with its qf and every qf with its df, no tf).
NAME=crash
. "$(cd "$(dirname "$0")" && pwd)/lib/seed-sandbox.sh"
"$L/sbx.sh" "$T/sbx" "export L=$L OUTD=$O; bash $TOP/test/integration/crash/inner.sh" >/dev/null 2>&1
# per message: token ack count
while read -r tok ack g p; do
	c=$(grep -c "^token=$tok\$" "$O/mbox" 2>/dev/null); c=${c:-0}
	echo "$tok $ack $c $g ${p:-none}"
done < "$O/acks" > "$O/counts"
points=$(awk '{print $4 "/" $5}' "$O/counts" | sort -u | wc -l)
nmsg=$(wc -l < "$O/counts")
nack=$(awk '$2 == 1' "$O/counts" | wc -l)
lost=$(awk '$2 == 1 && $3 == 0' "$O/counts")
dups=$(awk '$3 == 2' "$O/counts")
over=$(awk '$3 > 2' "$O/counts")
echo "1..11"
echo "# $nmsg messages ($nack acknowledged) at $points kill points; duplicates: $(echo -n "$dups" | grep -c .)"
ok "messages were submitted and killed" '[ "$nmsg" -ge 80 ] && [ "$nack" -lt "$nmsg" ]'
ok "no acknowledged message lost" '[ -z "$lost" ] || { echo "$lost" | sed "s/^/# lost: /"; false; }'
ok "no message delivered more than twice" '[ -z "$over" ] || { echo "$over" | sed "s/^/# over: /"; false; }'
ok "duplicates only after a kill between a mailer and the qf update" \
   '! echo "$dups" | grep -q . || ! echo "$dups" | grep -v " mailer-after\| requeue-before\| t[fq]-[a-z]*:2\$\| q \(tf-\|qf-renamed\)" | grep -q .'
ok "kills before the qf is renamed: not acknowledged, not delivered" \
   '! awk "\$2 == 1 || \$3 > 0" $O/counts | grep -q " odq2* \(df-\|tf-\)"'
ok "those kills left orphaned df and tf files" \
   '[ "$(awk "\$2 ~ /^df/" $O/before.ls | wc -l)" -gt "$(awk "\$2 ~ /^qf/" $O/before.ls | wc -l)" ] && grep -q " tf" $O/before.ls'
ok "recovery run exits 0" '[ "$(cat $O/recover.rc 2>/dev/null)" = 0 ]'
qf=$(awk '$1 !~ /^keep/ && $2 ~ /^qf/ {print $1, substr($2, 3)}' "$O/after.ls" | sort)
df=$(awk '$1 !~ /^keep/ && $2 ~ /^df/ {print $1, substr($2, 3)}' "$O/after.ls" | sort)
ok "every df has its qf and every qf its df" '[ "$qf" = "$df" ] || { diff <(echo "$qf") <(echo "$df") | sed "s/^/# /"; false; }'
ok "no tf left behind" '! grep -q " tf" $O/after.ls'
ok "a fresh df and an old locked one are not taken for orphans" \
   'grep -q "^keep-fresh df" $O/after.ls && grep -q "^keep-locked df" $O/after.ls'
ok "only entries with the deferred recipient stay queued" \
   '[ -z "$(grep -L "^R.*tempfail" $O/qf/*/qf* 2>/dev/null)" ]'
