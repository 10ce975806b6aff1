#!/bin/bash
# cf-missing.t -- a configuration file that cannot be opened, against the
# reference in the oracle's sandbox: the -bs client gets "451 4.0.0 FILE:
# line 0: cannot open: ...", a submission and -bt print the same text,
# every one exits 72 and logs "NOQUEUE: SYSERR(root): ..." -- output and
# log lines must be the reference's.  Whether the client's EHLO still
# reaches the pipe before the server has exited is a race of timing (the
# reference is merely slower to exit), so the driver's "write error" note
# is left out of both transcripts.
. "$(dirname "$0")/lib/refsbx.sh" cfmissing
run() { # side binary
	SENDMAIL_BIN=$2 "$L/mksbx.sh" "$T/$1" seed "$T/cf" >/dev/null 2>&1 || return 1
	"$L/sbx.sh" "$T/$1" "bash $L/postinstall.sh >/dev/null 2>&1; bash $TOP/test/integration/cfmissing/cases.sh" 2>&1 |
		grep -av '^-- <write error: Broken pipe>$' >"$T/$1.out"
	grep -a 'SYSERR' "$T/$1/log/syslog.raw" | cut -d' ' -f5- >"$T/$1.log"
}
run ref "$R/sendmail" || { echo "1..0 # SKIP cannot make the sandbox"; exit 0; }
run ours "$SENDMAIL_BIN"
echo "1..3"
same 1 "replies, messages and exit statuses: the reference's" "$T/ref.out" "$T/ours.out"
same 2 "SYSERR lines: the reference's" "$T/ref.log" "$T/ours.log"
grep -q '^S: 451 4.0.0 /etc/mail/none.cf: line 0: cannot open: No such file or directory' "$T/ours.out" && [ "$(grep -c SYSERR "$T/ours.log")" = 3 ] &&
	echo "ok 3 - ours: 451 to the SMTP client, three SYSERR lines" || echo "not ok 3 - ours: 451 to the SMTP client, three SYSERR lines"
