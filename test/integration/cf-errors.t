#!/bin/bash
# Malformed sendmail.cf lines, rule loops, runaway recursion and
# expansion: our messages and exit status must equal the reference's
# (test/cferrors/expected.out, captured by test/cferrors/capture.sh).
# Runs in a private UTS+network namespace so the host name is the one
# the capture used and no traffic leaves the machine.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${SENDMAIL_BIN:-$TOP/build/sendmail}
D=$TOP/test/cferrors
if [ "$(id -u)" != 0 ] || ! unshare --uts --net true 2>/dev/null; then
	echo "1..0 # SKIP needs root and unshare(1) for a private host name"; exit 0
fi
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
unshare --uts --net bash -c "hostname mail.example.com; ip link set lo up 2>/dev/null; bash '$D/run.sh' '$BIN' '$W/work'" > "$W/got.out" 2>&1
python3 - "$D/expected.out" "$W/got.out" <<'PY'
import sys, re
def cases(path):
    out, cur, name = {}, [], None
    order = []
    for line in open(path, encoding='latin-1').read().split('\n'):
        if line.startswith('== '):
            if name is not None: out[name] = '\n'.join(cur)
            name = line[3:]; cur = []; order.append(name)
        elif name is not None:
            cur.append(line)
    if name is not None: out[name] = '\n'.join(cur)
    return order, out
order, exp = cases(sys.argv[1]); _, got = cases(sys.argv[2])
print('1..%d' % len(order))
for i, n in enumerate(order, 1):
    if got.get(n) == exp[n]:
        print('ok %d - %s' % (i, n))
    else:
        print('not ok %d - %s' % (i, n))
        for l in exp[n].split('\n'): print('#  expected: ' + l)
        for l in (got.get(n) or '').split('\n'): print('#  got:      ' + l)
PY
