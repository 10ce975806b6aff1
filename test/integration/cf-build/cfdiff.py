#!/usr/bin/env python3
"""cfdiff.py OURS.cf REF.cf -- compare the declarative parts of two
sendmail.cf files as parsed sets, not as text.

Compared: options (O; DaemonPortOptions and ClientPortOptions as
multisets), mailers (M; fields by key, flags as sets of letters), macros
(D), trusted users (T), headers (H), maps (K) of the names
administrators use, and the words and files of the well-known classes.
Rulesets and the internal maps and classes of the rulesets are not
compared here (test/cf/ compares behaviour).  Prints one line per
difference and exits 1 when there is any.
"""
import re
import sys

MAPS = {"access", "virtuser", "mailertable", "generics", "domaintable",
        "authinfo", "arith", "dequote", "macro", "storage", "bestmx",
        "mxserved", "dnsbl", "ednsbl", "user", "mxlist", "badmx", "dnsA",
        "BadMXIP"}
CLASSES = {"w", "M", "E", "G", "R", "L", "N", "VirtHost", "P", "t",
           "TrustAuthMech", "Canonify"}
MULTI = {"DaemonPortOptions", "ClientPortOptions"}


def logical_lines(path):
    out = []
    with open(path, encoding="latin-1") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line[:1] in (" ", "\t") and out:
                out[-1] += "\n" + line
            else:
                out.append(line)
    return [l for l in out if l and not l.startswith("#")]


def cname(s):
    """class or macro name at the start of s -> (name, rest)"""
    if s.startswith("{"):
        end = s.index("}")
        return s[1:end], s[end + 1:]
    return s[:1], s[1:]


def parse(path):
    facts = {}

    def put(key, val):
        facts.setdefault(key, []).append(val)

    for line in logical_lines(path):
        kind, body = line[0], line[1:]
        if kind == "O":
            body = body.strip()
            name, _, val = body.partition("=")
            name = name.strip()
            if name in MULTI:
                put(("O", name), val.strip())
            else:
                facts[("O", name)] = [val.strip()]
        elif kind == "D":
            n, v = cname(body)
            facts[("D", n)] = [v]
        elif kind == "T":
            for u in body.split():
                put(("T",), u)
        elif kind == "H":
            m = re.match(r"(\?[^?]*\?)?([^:]+):\s*(.*)", body, re.S)
            if m:
                facts[("H", m.group(2))] = [(m.group(1) or "") + " " +
                                            " ".join(m.group(3).split())]
        elif kind == "K":
            parts = body.split(None, 1)
            if parts and parts[0] in MAPS:
                facts[("K", parts[0])] = [" ".join(parts[1].split())
                                          if len(parts) > 1 else ""]
        elif kind in "CF":
            n, rest = cname(body)
            if n not in CLASSES:
                continue
            if kind == "C":
                for w in rest.split():
                    put(("C", n), w)
            else:
                put(("F", n), rest.strip())
        elif kind == "M":
            name, _, rest = body.partition(",")
            fields = {}
            for item in re.split(r",\s*", " ".join(rest.split())):
                k, _, v = item.partition("=")
                if k.strip():
                    fields[k.strip()] = v.strip()
            if "F" in fields:
                fields["F"] = "".join(sorted(set(fields["F"])))
            facts[("M", name.strip())] = [sorted(fields.items())]
    return {k: sorted(map(str, v)) if k[0] in ("O", "T", "C", "F") else v
            for k, v in facts.items()}


def main():
    ours, ref = parse(sys.argv[1]), parse(sys.argv[2])
    bad = 0
    for key in sorted(set(ours) | set(ref), key=str):
        a, b = ours.get(key), ref.get(key)
        if key[0] in ("C", "T") and a is not None and b is not None:
            a, b = sorted(set(a)), sorted(set(b))
        if a != b:
            bad += 1
            print("%s: ours %s, reference %s" % (" ".join(key), a, b))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
