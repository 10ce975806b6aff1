#!/usr/bin/env python3
"""Open-relay battery for our seed .cf (test/integration/cf-relay.t).

The classic relay tricks -- %-hack, quoted local parts, bang paths, source
routes, doubled @, IP literals, trailing dots, upper case, ... -- are sent
through `check_rcpt` by our sendmail in the oracle's seed sandbox, with
{client_addr}/{client_name} set to:

  untrusted   198.51.100.5  [198.51.100.5]   not in the access map: every
              relay attempt must be refused with a 5xx reply
  lan         192.0.2.99    [192.0.2.99]     Connect:192.0.2 RELAY: accepted
  localhost   127.0.0.1     localhost        Connect:127.0.0.1 RELAY: accepted

once with the reference's seed.cf and once with ours (both run by our
binary).  The reference must give the expected verdict too (that validates
the list), and ours must give the same verdict class and reply code as the
reference.  Controls: local users and the domains the seed config relays
for anyone (relay-domains, To:... RELAY) must be accepted from everyone, and
doubled-@ addresses refused (5xx, a syntax error) from everyone.

    test/cf/relay_battery.py                  # our cf generated from cf/
    test/cf/relay_battery.py --ours-cf my.cf  # a hand-made seed cf
    test/cf/relay_battery.py --self-check     # ours := reference: all pass
    test/cf/relay_battery.py --list           # print the battery
    test/cf/relay_battery.py --tap            # as cf-relay.t
"""
import argparse
import fnmatch
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run_equiv as eq       # noqa: E402
rb = eq.rb
btoutcome = eq.btoutcome
REPO = eq.REPO
DEFAULT_XFAIL = os.path.join(HERE, "relay-expected-failures.txt")

CLIENTS = [("untrusted", "198.51.100.5", "[198.51.100.5]"),
           ("lan", "192.0.2.99", "[192.0.2.99]"),
           ("localhost", "127.0.0.1", "localhost")]

# seed names: local = example.com, mail.example.com ([192.0.2.25] is the
# host's address), external = example.org, remote.example.net
L, L2, IP = "mail.example.com", "example.com", "192.0.2.25"
X, X2 = "example.org", "remote.example.net"
RELAY = [
    # plain
    "user@%s" % X,
    "user@%s" % X2,
    "<user@%s>" % X,
    "user@%s." % X,
    "USER@%s" % X.upper(),
    "user@[198.51.100.10]",
    "<user@[198.51.100.10]>",
    "user@[IPv6:2001:db8:1::10]",
    # %-hack
    "user%%%s@%s" % (X, L),
    "user%%%s@%s" % (X, L2),
    "user%%%s@%s." % (X, L),
    "USER%%%s@%s" % (X.upper(), L.upper()),
    "<user%%%s@%s>" % (X, L),
    "user%%%s@[%s]" % (X, IP),
    "user%%%s@[127.0.0.1]" % X,
    "user%%%s@localhost" % X,
    "user%%%s@localhost.localdomain" % X,
    "user%%%s%%%s@%s" % (X, L, L),
    "user%%%s%%%s@%s" % (X2, L2, L),
    "user%%[198.51.100.10]@%s" % L,
    "user%%[%s]@%s" % (X, L),
    "user%%%s" % X,
    "user%%%s." % X2,
    # quoted local parts
    '"user@%s"@%s' % (X, L),
    '"user@%s"@%s' % (X, L2),
    '"user%%%s"@%s' % (X, L),
    '"user@%s"@[%s]' % (X, IP),
    '<"user@%s"@%s>' % (X, L),
    '"user@%s"' % X,
    # bang paths
    "%s!user@%s" % (X, L),
    "%s!user@%s" % (X2, L2),
    '"%s!user"@%s' % (X, L),
    "%s!user" % X,
    "%s!%s!user" % (L, X),
    "%s!user@%s." % (X, L),
    # source routes
    "@%s:user@%s" % (L, X),
    "<@%s:user@%s>" % (L, X),
    "@%s,@%s:user@%s" % (L, L2, X),
    "@[%s]:user@%s" % (IP, X),
    # mixed
    "%s!user%%%s@%s" % (X2, X, L),
    "Some One <user%%%s@%s>" % (X, L),
    "user@%s (comment)" % X,
]
INVALID = [         # doubled @: a syntax error (5xx) for every client
    "user@%s@%s" % (X, L),
    "user@%s@%s" % (X2, L2),
    "<user@%s@%s>" % (X, L),
    "user%%%s@%s@%s" % (X, X2, L),
]
LOCAL = [           # controls: accepted from everyone
    "alice@%s" % L,
    "alice@%s" % L2,
    "alice@%s." % L,
    "ALICE@%s" % L.upper(),
    "alice",
    # relaying allowed for everyone: relay-domains, To:... RELAY in access
    "user@relaydom.example.net",
    "user@relayed.example.net",
    "user@partner.example",
    "user@RELAYDOM.EXAMPLE.NET.",
]


def battery():
    """[(name, address, client, expect)]; expect is 'refuse' or 'accept'."""
    out = []
    for i, addr in enumerate(RELAY, 1):
        for cl, _, _ in CLIENTS:
            out.append(("relay/%s/%02d" % (cl, i), addr, cl,
                        "refuse" if cl == "untrusted" else "accept"))
    for i, addr in enumerate(INVALID, 1):
        for cl, _, _ in CLIENTS:
            out.append(("invalid/%s/%02d" % (cl, i), addr, cl, "refuse"))
    for i, addr in enumerate(LOCAL, 1):
        for cl, _, _ in CLIENTS:
            out.append(("local/%s/%02d" % (cl, i), addr, cl, "accept"))
    return out


def verdict(r, addr):
    if r is None:
        return None, "not run"
    if r.get("err"):
        return None, r["err"]
    o = btoutcome.outcome(["check_rcpt " + addr], r["out"])
    v = o["key"].get("verdict") if o else None
    return (tuple(v) if v else None), (o["show"] if o else "?")


def meets(v, expect):
    if v is None:
        return False
    if expect == "refuse":
        return v[0] == "error" and (v[1] or "").startswith("5")
    return v[0] == "accept"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--bin", default=os.environ.get("SENDMAIL_BIN")
                    or os.path.join(REPO, "build", "sendmail"))
    ap.add_argument("--ref", default=os.environ.get("SENDMAIL_REF", "/opt/sendmail-ref"))
    ap.add_argument("--ours-cf", action="append", default=[])
    ap.add_argument("--self-check", action="store_true")
    ap.add_argument("--cf-rev", help="use cf/ as committed in this git revision")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--tap", action="store_true")
    ap.add_argument("-j", "--jobs", type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--budget", type=float, default=300)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--expected-failures", default=os.environ.get(
        "CF_RELAY_EXPECTED_FAILURES", DEFAULT_XFAIL))
    ap.add_argument("--write-expected-failures", action="store_true",
                    help="rewrite the expected-failures file from this run's failures")
    a = ap.parse_args()
    bat = battery()
    if a.list:
        for name, addr, cl, exp in bat:
            print("%-20s %-8s %s" % (name, exp, addr))
        return 0
    tap, t0 = a.tap, time.time()

    def out(line):
        print(line, flush=True)

    log, skip, bail = rb.reporters(tap, "relay battery harness", [])

    ref = os.path.abspath(a.ref)
    os.environ["SENDMAIL_REF"] = os.environ["REF"] = ref
    res = {}

    def body(work):
        try:
            refdir, oursdir, res["status"] = eq.prepare_cfdirs(a, work, ["seed"], log)
            binpath = os.path.abspath(a.bin)
            env = dict(os.environ, SENDMAIL_BIN=binpath, REF=ref, SENDMAIL_REF=ref)
            cl = {c: (ad, nm) for c, ad, nm in CLIENTS}
            items = [{"id": name, "argv": ["/usr/sbin/sendmail", "-bt"],
                      "stdin": ".D{client_addr}%s\n.D{client_name}%s\ncheck_rcpt %s\n"
                      % (cl[c][0], cl[c][1], addr)} for name, addr, c, _ in bat]
            res["ref"] = eq.run_items("ref", "seed", refdir, items, work, env, a, t0, log)
            res["ours"] = eq.run_items("ours", "seed", oursdir, items, work, env, a, t0,
                                       log) if res["status"]["seed"][0] else {}
            return None
        except RuntimeError as e:
            return bail(str(e))
    a.config, a.workdir = ["seed"], None
    rc = rb.in_scratch("cf-relay.", None, a.keep, ref, log, skip, bail, body)
    if rc is not None:
        return rc
    status, res_ref, res_ours = res["status"], res["ref"], res["ours"]

    xfail = rb.load_xfail(a.expected_failures) if a.expected_failures else set()

    def listed(n):
        return any(fnmatch.fnmatchcase(n, p) for p in xfail)

    n = 0
    unexpected = []
    nfail = 0
    if tap:
        print("1..%d" % (len(bat) + 2), flush=True)
    # 1: our seed.cf exists
    n += 1
    ok = status["seed"][0]
    line = "seed/m4: our seed.cf generated"
    if ok:
        out("ok %d - %s" % (n, line))
    else:
        out("not ok %d - %s%s" % (n, line, " # TODO listed" if listed("seed/m4") else ""))
        for l in status["seed"][1].splitlines()[:10]:
            rb.diag("  " + l) if tap else print("  " + l)
        if not listed("seed/m4"):
            unexpected.append("seed/m4")
    # 2: the reference validates the battery
    n += 1
    badref = [(name, addr, exp, verdict(res_ref.get(name), addr)[1])
              for name, addr, c, exp in bat if not meets(verdict(res_ref.get(name), addr)[0], exp)]
    if not badref:
        out("ok %d - reference seed.cf: all %d verdicts as expected (battery validated)"
            % (n, len(bat)))
    else:
        out("not ok %d - reference seed.cf disagrees with the battery on %d cases"
            % (n, len(badref)))
        unexpected.append("battery")
        for name, addr, exp, show in badref:
            msg = "  %s %s: expected %s, reference gives %s" % (name, addr, exp, show)
            rb.diag(msg) if tap else print(msg)
    for name, addr, c, exp in bat:
        n += 1
        vr, sr = verdict(res_ref.get(name), addr)
        vo, so = verdict(res_ours.get(name), addr) if status["seed"][0] else (None, "no cf")
        ok = meets(vo, exp) and vo == vr
        desc = "%s: check_rcpt %s from %s: %s (ours: %s; reference: %s)" % (
            name, addr, c, exp, so, sr)
        desc = desc.replace("#", "\\#")
        if ok:
            out("ok %d - %s" % (n, desc))
        elif listed(name):
            nfail += 1
            out("not ok %d - %s # TODO listed in %s" % (n, desc,
                                                       os.path.basename(a.expected_failures)))
        else:
            nfail += 1
            unexpected.append(name)
            out("not ok %d - %s" % (n, desc))
    if a.write_expected_failures:
        path = a.expected_failures or DEFAULT_XFAIL
        header = []
        if os.path.exists(path):
            with open(path) as f:
                header = [l.rstrip("\n") for l in f if l.startswith("#")]
        failing = [x for x in ["seed/m4"] if not status["seed"][0]]
        for name, addr, c, exp in bat:
            vr = verdict(res_ref.get(name), addr)[0]
            vo = verdict(res_ours.get(name), addr)[0] if status["seed"][0] else None
            if not (meets(vo, exp) and vo == vr):
                failing.append(name)
        with open(path, "w") as f:
            f.write("".join(l + "\n" for l in header) + "".join(l + "\n" for l in failing))
        log("expected-failures file rewritten: %s (%d entries)" % (path, len(failing)))
    fixed = [p for p in xfail if p not in unexpected and not any(
        fnmatch.fnmatchcase(name, p) and not (
            meets(verdict(res_ours.get(name), addr)[0], exp)
            and verdict(res_ours.get(name), addr)[0] == verdict(res_ref.get(name), addr)[0])
        for name, addr, c, exp in bat) and not (p == "seed/m4" and not status["seed"][0])]
    for p in sorted(fixed):
        rb.diag("now passes, remove from %s: %s" % (os.path.relpath(a.expected_failures, REPO), p))
    summ = "relay battery: %d of %d verdicts of our seed.cf as expected and equal to the " \
        "reference's (%.0fs)" % (len(bat) - nfail, len(bat), time.time() - t0)
    rb.diag(summ) if tap else print(summ)
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
