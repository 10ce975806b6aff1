#!/bin/bash
# dsn-priority.t -- the priority of delay warnings and bounces against the
# reference, in the oracle's namespace sandbox (seed configuration): the
# cases of test/integration/dsnpri/cases.sh run once with the reference's
# sendmail and once with ours; the pri= of every report delivered to alice
# (the original's size counted from its qf in a queue run, plus 1024; 0
# for RET=HDRS) must be the reference's (as a set: the order of a queue run is
# not what this test is about).  Then expiry (Timeout.queuereturn) without
# a failure report due: mailq after that run and after the next one, and
# the -MTA: fields of a report made in a queue run.
. "$(dirname "$0")/lib/refsbx.sh" dsnpri
run() { # name binary
	SENDMAIL_BIN=$2 "$L/mksbx.sh" "$T/$1" seed "$T/cf" >/dev/null 2>&1 || return 1
	"$L/sbx.sh" "$T/$1" "bash $L/postinstall.sh >/dev/null 2>&1; OUT=$T/$1.queue bash $TOP/test/integration/dsnpri/cases.sh" >/dev/null 2>&1
	grep -a ': to=alice, ' "$T/$1/log/syslog.raw" | grep -ao 'pri=[0-9]*' | sort >"$T/$1.pri"
}
run ref "$R/sendmail" || { echo "1..0 # SKIP cannot make the sandbox"; exit 0; }
run ours "$SENDMAIL_BIN"
echo "1..5"
n=$(wc -l <"$T/ref.pri")
[ "$n" -ge 28 ] && echo "ok 1 - the reference delivered every report ($n)" || echo "not ok 1 - the reference delivered $n reports, expected 28"
cmp -s "$T/ref.pri" "$T/ours.pri" && echo "ok 2 - every report's pri= is the reference's" || {
	echo "not ok 2 - every report's pri= is the reference's"
	diff "$T/ref.pri" "$T/ours.pri" | sed 's/^/#   /'; }
grep -qx 'pri=30000' "$T/ours.pri" && echo "ok 3 - RET=HDRS: the report counts as empty" || echo "not ok 3 - RET=HDRS: the report counts as empty"
grep -q 'MAILER-DAEMON' "$T/ref.queue" && grep -q '^QID .* bob$' "$T/ref.queue" && echo "ok 4 - the reference keeps the expired entries without a failure report" || echo "not ok 4 - the reference keeps the expired entries without a failure report"
cmp -s "$T/ref.queue" "$T/ours.queue" && echo "ok 5 - mailq after the expiry and after the next run, the report's -MTA: fields: the reference's" || {
	echo "not ok 5 - mailq after the expiry and after the next run, the report's -MTA: fields: the reference's"
	diff "$T/ref.queue" "$T/ours.queue" | sed 's/^/#   /'; }
