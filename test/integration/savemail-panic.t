#!/bin/bash
# savemail-panic.t -- a failure that can be reported to no one, against the
# reference in the oracle's namespace sandbox (seed configuration): each
# case of test/integration/savemail/cases.sh runs once with the
# reference's sendmail and once with ours; the exit status, the queue's
# files and every log line but the alias rebuild (queue ids, pids and
# dates masked) must be the reference's.  When the report to the sender
# and the postmaster notify (or its return) both fail, the reference keeps
# the report as a Qf ("Losing ./qf...: savemail panic"): no mail is lost.
# Also the -odi exit status after a program or file delivery failed.
. "$(dirname "$0")/lib/refsbx.sh" savemail
CASES="pm-unknown pm-prog ctl-alias ctl-forward exit-codes"
mask() {
	# (the reference now and then logs a dump of its open files, fl=0x...,
	# MCI@...: noise, not behaviour)
	grep -av 'alias database\|aliases, longest\|: fl=0x[0-9a-f]*, mode=\|MCI@0x' "$1" | cut -d' ' -f5- |
	sed -E 's/[0-9A-Z][0-9A-Za-z]{7}[0-9]{6}/QID/g; s/sendmail\[[0-9]+\]/sendmail/; s/(x?delay)=[0-9:+]+/\1=D/g; s/msgid=<[0-9]{12}\./msgid=<TS./'
}
run() { # side binary case
	SENDMAIL_BIN=$2 "$L/mksbx.sh" "$T/$1-$3" seed "$T/cf" >/dev/null 2>&1 || return 1
	"$L/sbx.sh" "$T/$1-$3" "bash $L/postinstall.sh >/dev/null 2>&1; bash $TOP/test/integration/savemail/cases.sh $3" >"$T/$1-$3.out" 2>&1
	mask "$T/$1-$3/log/syslog.raw" >"$T/$1-$3.log"
}
for c in $CASES; do
	run ref "$R/sendmail" "$c" || { echo "1..0 # SKIP cannot make the sandbox"; exit 0; }
	run ours "$SENDMAIL_BIN" "$c"
done
echo "1..12"
n=0
for c in $CASES; do
	n=$((n + 1))
	same $n "$c: exit status and queue files: the reference's" "$T/ref-$c.out" "$T/ours-$c.out"
	n=$((n + 1))
	same $n "$c: log lines: the reference's" "$T/ref-$c.log" "$T/ours-$c.log"
done
grep -q 'savemail panic' "$T/ref-pm-unknown.log" && grep -q '^Qf' "$T/ref-pm-unknown.out" &&
	echo "ok 11 - the reference keeps the lost report as a Qf" || echo "not ok 11 - the reference keeps the lost report as a Qf"
grep -q 'SYSERR(root): savemail: cannot save rejected email anywhere' "$T/ours-pm-prog.log" &&
	grep -Eq '^(Qf df|df Qf) ?$' "$T/ours-pm-prog.out" && grep -q 'Subject: Returned mail' "$T/ours-pm-prog.out" &&
	echo "ok 12 - ours keeps the lost bounce (Qf and df) and says so" || echo "not ok 12 - ours keeps the lost bounce (Qf and df) and says so"
