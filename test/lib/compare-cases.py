#!/usr/bin/env python3
"""TAP comparison of two case-by-case outputs.

  compare-cases.py EXPECTED GOT [EXTRA]

Both files are runs of a case script: a "== name" line starts each case
("== Ruleset ..." lines are sendmail output, not headers).  Prints the
TAP plan (the number of cases plus EXTRA tests the caller prints after)
and one "ok"/"not ok" per expected case, with both texts on failure."""
import sys

def cases(path):
    out, order, name, cur = {}, [], None, []
    for line in open(path, encoding='latin-1').read().split('\n'):
        if line.startswith('== ') and not line.startswith('== Ruleset'):
            if name is not None:
                out[name] = '\n'.join(cur)
            name, cur = line[3:], []
            order.append(name)
        elif name is not None:
            cur.append(line)
    if name is not None:
        out[name] = '\n'.join(cur)
    return order, out

def main():
    order, exp = cases(sys.argv[1])
    _, got = cases(sys.argv[2])
    extra = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    print('1..%d' % (len(order) + extra))
    for i, n in enumerate(order, 1):
        if got.get(n) == exp[n]:
            print('ok %d - %s' % (i, n))
            continue
        print('not ok %d - %s' % (i, n))
        for l in exp[n].split('\n'):
            print('#  expected: ' + l)
        for l in (got.get(n) or '').split('\n'):
            print('#  got:      ' + l)

main()
