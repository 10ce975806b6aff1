#!/usr/bin/env python3
"""TAP comparison of two run.sh outputs, case by case (test/mapdns and
test/mapdb): the cases are the lines of CASES in order, each output is
the text after its "== CASE" header up to the next case's header.

    compare.py CASES EXPECTED GOT
"""
import sys


def split(path, cases):
    text = open(path, encoding="latin-1").read()
    out, pos = {}, 0
    heads = ["== %s\n" % c for c in cases]
    starts = []
    for h in heads:
        i = text.find(h, pos)
        starts.append(i)
        if i >= 0:
            pos = i + len(h)
    for n, (h, i) in enumerate(zip(heads, starts)):
        if i < 0:
            continue
        ends = [j for j in starts[n + 1:] if j >= 0]
        out[cases[n]] = text[i + len(h):ends[0] if ends else len(text)]
    return out


def main():
    cases = [l for l in open(sys.argv[1], encoding="latin-1").read().split("\n")
             if l and not l.startswith("#")]
    exp, got = split(sys.argv[2], cases), split(sys.argv[3], cases)
    print("1..%d" % len(cases))
    bad = 0
    for i, c in enumerate(cases, 1):
        if c in exp and got.get(c) == exp[c]:
            print("ok %d - %s" % (i, c))
            continue
        bad += 1
        print("not ok %d - %s" % (i, c))
        for l in exp.get(c, "(no expected output)\n").rstrip("\n").split("\n"):
            print("#  expected: " + l)
        for l in got.get(c, "(no output)\n").rstrip("\n").split("\n"):
            print("#  got:      " + l)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
