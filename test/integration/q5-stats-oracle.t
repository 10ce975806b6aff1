#!/bin/bash
# q5-stats-oracle.t -- replay the oracle's queue/q5-stats scenario
# (mailstats in its forms, hoststat, purgestat, sendmail -bh, -d0.1) in a
# namespace sandbox with OUR sendmail ($SENDMAIL_BIN), each step's output
# and exit status compared with the reference's.  Steps in
# test/oracle/scenario-expected-failures.txt are "not ok # TODO".
# Skips only without root/namespaces/the reference.
. "$(dirname "$0")/lib/scenario.sh"
run_scenario q5-stats
