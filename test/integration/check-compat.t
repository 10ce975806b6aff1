#!/bin/bash
# check-compat.t -- the cf's check_compat ruleset at delivery against the
# reference, in the oracle's namespace sandbox (seed configuration plus
# the ruleset of smtpchecks/compat.sh): a refused recipient fails with
# the reference's ruleset= and to= lines (dsn=5.5.2, reply=65, "Data
# format error", no ctladdr) and its report, a discarded one is dropped
# silently, the others are delivered; -odi exits 65; the same in a queue
# run with -v (which exits 65 too).  Output, exit statuses and every log line: the reference's.
. "$(dirname "$0")/lib/refsbx.sh" compat
logmask() {
	grep -av 'alias database\|aliases, longest' "$1" | cut -d' ' -f5- |
	sed -E 's/[0-9A-Z][0-9A-Za-z]{7}[0-9]{6}/QID/g; s/msgid=<[0-9]{12}\./msgid=<TS./; s/(x?delay)=[0-9:+]+/\1=D/g'
}
run() { # side binary
	SENDMAIL_BIN=$2 "$L/mksbx.sh" "$T/$1" seed "$T/cf" >/dev/null 2>&1 || return 1
	"$L/sbx.sh" "$T/$1" "bash $L/postinstall.sh >/dev/null 2>&1; bash $TOP/test/integration/smtpchecks/compat.sh" >"$T/$1.out" 2>&1
	logmask "$T/$1/log/syslog.raw" >"$T/$1.log"
}
run ref "$R/sendmail" || { echo "1..0 # SKIP cannot make the sandbox"; exit 0; }
run ours "$SENDMAIL_BIN"
echo "1..3"
same 1 "output and exit statuses: the reference's" "$T/ref.out" "$T/ours.out"
same 2 "log lines: the reference's" "$T/ref.log" "$T/ours.log"
grep -c 'ruleset=check_compat' "$T/ours.log" | grep -qx 4 && grep -q '^rc=65$' "$T/ours.out" &&
	grep -q '^qrun rc=65$' "$T/ours.out" &&
	echo "ok 3 - ours: check_compat ran for each refused or discarded recipient; -odi and -q -v exit 65" ||
	echo "not ok 3 - ours: check_compat ran for each refused or discarded recipient; -odi and -q -v exit 65"
