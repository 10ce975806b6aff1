#!/bin/bash
# q2-msp-oracle.t -- replay the oracle's queue/q2-msp-queue scenario in a
# namespace sandbox with OUR sendmail ($SENDMAIL_BIN): MSP submission via
# submit.cf to [127.0.0.1]:25 with no MTA listening (the message stays in
# /var/spool/clientmqueue), mailq -Ac / -Ac -v / mailq, then the MTA daemon
# (sendmail -bd -Am -q30m) is started, the MSP queue flushed with
# sendmail -Ac -q -v (SMTP client to our own daemon, local delivery) and
# the queues, syslog and mailboxes compared with the reference's.  The
# daemon dies with the sandbox's PID namespace when the scenario ends.
# Steps in test/oracle/scenario-expected-failures.txt are "not ok # TODO".
# Skips only without root/namespaces/the reference.
. "$(dirname "$0")/lib/scenario.sh"
run_scenario q2-msp-queue
