#!/bin/sh
# mailq-oracle.t -- OUR mailq / sendmail -bp over the queue directories the
# reference left in the oracle's scenarios (q1 05/13/25/30, q2's
# clientmqueue, q3 02/08; raw qf/df files in test/oracle/queue/*/NN-*/),
# restored into a namespace sandbox, compared with the captured listings
# (normalised) and exit statuses: plain, -v, -bp -v, -qR/-qS/-qI, -Ac, -bP,
# empty queues and a non-root mailq.  Details: test/oracle/run_mailq.py.
# Skips only without root/namespaces/the reference.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$TOP/build}
SENDMAIL_BIN=${SENDMAIL_BIN:-$BUILD/sendmail}
export SENDMAIL_BIN
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not found"; exit 0; }
exec python3 "$TOP/test/oracle/run_mailq.py" --tap --bin "$SENDMAIL_BIN"
