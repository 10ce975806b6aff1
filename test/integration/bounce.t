#!/bin/bash
# bounce.t -- delivery status notifications compared with the reference's:
# the same messages (a program that fails, RET=HDRS with ENVID, a <> sender,
# NOTIFY=SUCCESS, NOTIFY=NEVER, Precedence: bulk, a sender that does not
# exist, SendMimeErrors=False, a delay warning and an expiry) are queued and
# run in two sandboxes, one with the reference's sendmail and one with ours
# (test/integration/bounce/inner.sh).  Each mailbox is split into messages,
# queue ids, dates and boundaries are masked, and the sorted messages
# (the SMTP client's deferral texts in them too) must be identical; so
# must the report lines of the log.
NAME=bounce; . "$(dirname "$0")/lib/seed-sandbox.sh"
run_both "$TOP/test/integration/bounce/inner.sh"
# one normalised message per record, sorted
msgs() {
	[ -f "$1" ] || return 0
	# (ours quotes a full name with parentheses in From:, the reference
	# does not: a submission difference, not a report one)
	# (a program that exits before reading its input makes the writer
	# see EPIPE or not, as the processes happen to be scheduled: the
	# reference's reports carry "451 4.0.0 putbody: write error: Broken
	# pipe" in some runs and not in others)
	sed -E -e '1s/^From //' -e 's/^From: "Dave \(test\) Example"/From: Dave (test) Example/' \
	    -e '/^451 4\.0\.0 putbody: write error: Broken pipe$/d' \
	    -e 's/[0-9A-Za-x]{8}[0-9]{6}/<QID>/g' \
	    -e 's/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]+ [A-Z][a-z]+ [0-9]{4} [0-9:]{8} GMT/<DATE>/g' \
	    -e 's/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]+ [ 0-9][0-9] [0-9:]{8} [0-9]{4}/<DATE>/g' \
	    -e 's/\.[0-9]{10}\//.<T>\//g' -e 's/[0-9]{12}\.<QID>/<TS>.<QID>/g' "$1" |
	awk 'BEGIN{RS="\n\nFrom "; ORS="\001"} {print}' | tr '\n\001' '\002\n' | sort | tr '\002' '\n'
}
tags() { grep -o ': [^ ]*: \(DSN\|sender notify\|postmaster notify\|return to sender\): .*' "$1" | sed 's/^: [^ ]*: //' | sort; }
echo "1..5"
for m in alice bob carol; do
	ok "mailbox $m: the reports as the reference's" "diff <(msgs $O/ref/mail/$m) <(msgs $O/ours/mail/$m) >&2"
done
ok "report log lines (DSN:, sender notify:, postmaster notify:)" "diff <(tags $O/ref/syslog.txt) <(tags $O/ours/syslog.txt) >&2"
ok "queue left as the reference's" "diff <(sed 's/[0-9A-Za-x]\{8\}[0-9]\{6\}/Q/' $O/ref/queue.ls | sort) <(sed 's/[0-9A-Za-x]\{8\}[0-9]\{6\}/Q/' $O/ours/queue.ls | sort) >&2"
