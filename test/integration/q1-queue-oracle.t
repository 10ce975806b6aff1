#!/bin/bash
# q1-queue-oracle.t -- replay the oracle's queue/q1-mta-queue scenario
# (queueing with -odq, mailq in its forms, a queue run, delay warnings and
# expiry with their reports, the mailboxes) in a namespace sandbox with OUR
# sendmail ($SENDMAIL_BIN), comparing each step's normalised output, queue
# files, log lines and mailboxes with the reference's.  One TAP line per
# step; steps listed in test/oracle/scenario-expected-failures.txt are
# "not ok # TODO" (mostly the SMTP server and client, not built yet).
# Skips only without root/namespaces/the reference.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SENDMAIL_BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
export SENDMAIL_BIN BUILD
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not found"; exit 0; }
XF=$TOP/test/oracle/scenario-expected-failures.txt
# A sanitizer build cannot run as a set-id program started by another user
# (LeakSanitizer refuses, whatever ASAN_OPTIONS say): step 22 runs mailq
# as alice, and step 23 holds the log line that mailq writes.
if grep -q __asan_init "$SENDMAIL_BIN" 2>/dev/null; then
	mkdir -p "$BUILD/scenario-oracle"
	{ cat "$XF"
	  echo "q1-mta-queue/22-mailq-q-not-root # sanitizer build: no set-id run as another user"
	  echo "q1-mta-queue/23-queueing # sanitizer build: step 22's log line"
	} > "$BUILD/scenario-oracle/q1-xfail-san.txt"
	XF=$BUILD/scenario-oracle/q1-xfail-san.txt
fi
exec python3 "$TOP/test/oracle/run_scenario.py" --tap --bin "$SENDMAIL_BIN" --tools "$BUILD" \
	--expected-failures "$XF" \
	--report "$BUILD/scenario-oracle/q1-failures.txt" q1-mta-queue
