#!/bin/bash
# q3-smarthost-oracle.t -- replay the oracle's queue/q3-smarthost scenario
# in a namespace sandbox with OUR sendmail ($SENDMAIL_BIN): the SMTP client
# against lib/fakesmtp.py on relay.example.net:587 (EHLO, AUTH PLAIN from
# the authinfo map, pipelined RCPTs accepted, rejected and deferred, DATA),
# the bounce with the remote's reply, the qf M lines, mailq, the queue run
# that finds the relay gone ("Connection refused by relay.example.net.")
# and what the fake server received, each compared with the reference's.
# Steps in test/oracle/scenario-expected-failures.txt are "not ok # TODO".
# Skips only without root/namespaces/the reference.
. "$(dirname "$0")/lib/scenario.sh"
run_scenario q3-smarthost
