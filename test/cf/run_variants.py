#!/usr/bin/env python3
"""cf variants: our m4 library against the reference's for .mc files the four
oracle configurations do not cover (features, hooks, macros).

Each test/cf/variants/NAME.mc starts with `dnl` header lines:

    dnl BASE: seed                      oracle config whose sandbox (maps,
                                        files) and corpus are used
    dnl GROUPS: parse parse30 try-*     corpus groups of BASE to compare (globs;
                                        x-try-MAILER-FLAGS as in run_equiv.py)
    dnl FILES: NAME.files               optional: a tree (next to the .mc)
                                        copied over the sandbox's / after the
                                        config's files; etc/mail/{access,
                                        virtusertable,mailertable,authinfo,
                                        genericstable,domaintable} are built
                                        with the reference makemap
    dnl EXTRA: NAME.extra               optional: extra -bt cases, one a line:
                                        "GROUP: INPUT" (run with GROUP's
                                        preamble) or "INPUT"; '#' comments

The .mc becomes the reference's .cf (test/oracle/lib/gencf.sh OUT NAME=MC:
the reference m4 library) and ours (m4 TOP/cf/m4/cf.m4 NAME.mc); our binary
runs the cases with each in BASE's sandbox and the outcomes are compared as
test/cf/run_equiv.py compares them (its functions are used).

TAP tests per variant: NAME/oracle (the reference's .cf is generated without
complaint and loads in our binary without errors), NAME/m4 (ours is
generated), NAME/load (ours loads like the reference's), then NAME/GROUP and
NAME/extra.  One complaint is allowed: when the reference's m4 prints only
"*** WARNING: FEATURE(`x') ..." messages (open-relay features such as
promiscuous_relay, relay_mail_from, relay_local_from) and ours prints only
"m4:FILE:LINE: warning: FEATURE(`x') ..." messages naming the same
features, both sides warned alike and NAME/oracle and NAME/m4 pass.  Known failures: test/cf/variants-expected-failures.txt
("NAME/GROUP" or case ids "NAME/<corpus id>", globs allowed).

    test/cf/run_variants.py                          # every variant
    test/cf/run_variants.py --variant 'addr-generics*' --diff
    test/cf/run_variants.py --variant addr-nullclient --group parse --case '*0042' --diff
    test/cf/run_variants.py --list                   # variants and their headers
    test/cf/run_variants.py --tap                    # as test/integration/cf-variants.t
"""
import argparse
import collections
import fnmatch
import glob
import os
import re
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run_equiv as eq       # noqa: E402  (generation, sandbox runs, comparison)

rb = eq.rb
REPO = eq.REPO
VARDIR = os.path.join(HERE, "variants")
DEFAULT_XFAIL = os.path.join(HERE, "variants-expected-failures.txt")
BANNER = ("ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\n"
          "Enter <ruleset> <address>\n")


def read_variant(mc):
    """-> dict(name, mc, base, groups, files, extra, errors) from the dnl header."""
    name = os.path.basename(mc)[:-3]
    v = {"name": name, "mc": mc, "base": None, "groups": [], "files": None,
         "extra": None, "errors": []}
    with open(mc, errors="replace") as f:
        for line in f:
            if not line.startswith("dnl"):
                break
            body = line[3:].strip()
            key, sep, val = body.partition(":")
            if not sep or key.strip() not in ("BASE", "GROUPS", "FILES", "EXTRA"):
                continue
            key, val = key.strip(), val.strip()
            if key == "BASE":
                v["base"] = val
            elif key == "GROUPS":
                v["groups"] += val.split()
            else:
                p = os.path.join(os.path.dirname(mc), val)
                if not os.path.exists(p):
                    v["errors"].append("%s: %s does not exist" % (key, p))
                v[key.lower()] = p
    if v["base"] not in eq.CONFIGS:
        v["errors"].append("BASE %r is not one of %s" % (v["base"], ", ".join(eq.CONFIGS)))
    if not v["groups"] and not v["extra"]:
        v["errors"].append("no GROUPS and no EXTRA")
    return v


FEATURE_RE = re.compile(r"FEATURE\(`?([A-Za-z0-9_]+)'?\)")


def warned_features(text, ours):
    """The features named by the m4 warnings that make up text (the
    reference's "*** WARNING: FEATURE(`x') ..." with indented continuation
    lines, or ours "m4:FILE:LINE: warning: FEATURE(`x') ..." after
    gen_ours()'s "... said:" line); None when text holds anything else."""
    names = set()
    lines = [l for l in text.splitlines() if l.strip()]
    if ours and lines and lines[0].endswith(" said:"):
        lines = lines[1:]
    for l in lines:
        if ours:
            m = re.match(r"m4:[^:]*:\d+: warning: (.*)", l)
        else:
            m = re.match(r"\*\*\* WARNING: (.*)", l)
            if not m and l[0] in " \t" and names:
                continue
        f = m and FEATURE_RE.search(m.group(1))
        if not f:
            return None
        names.add(f.group(1))
    return names or None


def warned_alike(refst, ourst):
    """True when both m4 runs succeeded and complained only with warnings
    about the same features."""
    w = warned_features(refst[1] or "", False)
    return bool(refst[0] and ourst[0] and w and w == warned_features(ourst[1] or "", True))


def extra_cases(v, metas):
    """[(case, meta)] from the variant's EXTRA file."""
    out = []
    if not v["extra"] or not os.path.exists(v["extra"]):
        return out
    plain = {"command": "/usr/sbin/sendmail%s -bt" % (
        " -C /etc/mail/submit.cf" if v["base"] == "submit" else ""),
        "preamble": [], "prefix_output": "", "trailer": "", "synthetic": True}
    with open(v["extra"]) as f:
        for i, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            meta = plain
            g, sep, rest = line.partition(": ")
            if sep and " " not in g and g in metas:
                meta = dict(metas[g], synthetic=True)
                line = rest
            x = {"id": "%s/extra/%04d" % (v["name"], i), "category": "extra",
                 "input": [line]}
            out.append((x, meta))
    return out


def variant_files(v, cases, sample=1):
    """[(group, meta, [case])] of the variant (ids prefixed NAME/) and the
    metas of all the base config's groups (for EXTRA); with sample N, every
    Nth case of each group (the same ones every run)."""
    base = v["base"]
    allf = eq.corpus([base], [], [])
    metas = {g: meta for c, g, meta, cs in allf}
    files = [f for f in allf if any(fnmatch.fnmatchcase(f[1], p) for p in v["groups"])]
    have = {(base, g) for g in metas}
    files += eq.extra_groups([base], v["groups"], [], have)
    out = []
    for c, g, meta, cs in files:
        cs2 = [dict(x, id="%s/%s" % (v["name"], x["id"])) for x in cs]
        if cases:
            cs2 = [x for x in cs2 if any(fnmatch.fnmatchcase(x["id"], p) for p in cases)]
        cs2 = cs2[::max(1, sample)]
        if cs2:
            out.append((g, meta, cs2))
    return out, metas


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--bin", default=os.environ.get("SENDMAIL_BIN")
                    or os.path.join(REPO, "build", "sendmail"),
                    help="our sendmail (default $SENDMAIL_BIN or build/sendmail)")
    ap.add_argument("--variant", action="append", default=[], help="name(s)/glob(s)")
    ap.add_argument("--group", action="append", default=[], help="group name(s)/glob(s)")
    ap.add_argument("--case", action="append", default=[], help="case id(s)/glob(s)")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--sample", type=int, default=int(os.environ.get("CF_VARIANTS_SAMPLE", "1")),
                    help="compare every Nth case of each group (default $CF_VARIANTS_SAMPLE or 1: all)")
    ap.add_argument("--ref", default=os.environ.get("SENDMAIL_REF", "/opt/sendmail-ref"))
    ap.add_argument("-j", "--jobs", type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--budget", type=float, default=1800)
    ap.add_argument("--diff", action="store_true")
    ap.add_argument("--max-diff", type=int, default=10)
    ap.add_argument("--report", help="failures file (default $BUILD or build/, "
                    "then cf-variants/failures.txt)")
    ap.add_argument("--workdir")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--expected-failures", default=os.environ.get(
        "CF_VARIANTS_EXPECTED_FAILURES", DEFAULT_XFAIL))
    ap.add_argument("--write-expected-failures", action="store_true")
    ap.add_argument("--tap", action="store_true")
    a = ap.parse_args()
    # run_items() of run_equiv.py and its --inner side need these
    a.self_check, a.ours_cf, a.cf_rev = False, [], None

    tap, t0, planned = a.tap, time.time(), []
    log, skip, bail = rb.reporters(tap, "cf variants harness", planned)
    pats = [p for arg in a.variant for p in arg.split(",") if p]
    mcs = sorted(glob.glob(os.path.join(VARDIR, "*.mc")))
    variants = [read_variant(m) for m in mcs]
    if pats:
        variants = [v for v in variants if any(fnmatch.fnmatchcase(v["name"], p) for p in pats)]
    if a.list:
        for v in variants:
            print("%-36s base %-13s groups %s%s%s%s" % (
                v["name"], v["base"], " ".join(v["groups"]),
                "; files %s" % os.path.relpath(v["files"], HERE) if v["files"] else "",
                "; extra %s" % os.path.relpath(v["extra"], HERE) if v["extra"] else "",
                "; ERRORS: %s" % "; ".join(v["errors"]) if v["errors"] else ""))
        return 0
    if not variants:
        return bail("no variant in %s matches" % VARDIR)
    groups = [g for arg in a.group for g in arg.split(",") if g]
    if groups:
        for v in variants:
            v["groups"] = groups
    ref = os.path.abspath(a.ref)
    os.environ["SENDMAIL_REF"] = os.environ["REF"] = ref

    def body(work):
        try:
            return run(a, tap, log, bail, variants, ref, work, t0, planned)
        except RuntimeError as e:
            return bail(str(e))
    return rb.in_scratch("cf-variants.", a.workdir, a.keep, ref, log, skip, bail, body)


def prepare(v, a, work, refall):
    """Generate both .cf files of variant v.  -> (refdir, oursdir, ref_status,
    our_status); each dir holds the four oracle .cf files (the sandbox wants
    submit.cf too) with the base's replaced by the variant's."""
    name, base = v["name"], v["base"]
    d = os.path.join(work, name)
    refdir, oursdir = os.path.join(d, "cf-ref"), os.path.join(d, "cf-ours")
    for x in (refdir, oursdir):
        shutil.copytree(refall, x)
    gen = os.path.join(d, "gen")
    r = eq.sh(["bash", os.path.join(eq.LIB, "gencf.sh"), gen, "%s=%s" % (name, v["mc"])],
              timeout=300)
    made = os.path.join(gen, name + ".cf")
    ok = r.returncode == 0 and os.path.exists(made) and os.path.getsize(made) > 0
    ref_status = (ok, r.stdout.strip())
    if ok:
        shutil.copy(made, os.path.join(refdir, base + ".cf"))
    os.makedirs(gen, exist_ok=True)
    our_status = eq.gen_ours(name, gen, REPO, mc=v["mc"])
    if our_status[0]:
        shutil.copy(os.path.join(gen, name + ".cf"), os.path.join(oursdir, base + ".cf"))
    return refdir, oursdir, ref_status, our_status


def run(a, tap, log, bail, variants, ref, work, t0, planned):
    binpath = os.path.abspath(a.bin)
    if not os.access(binpath, os.X_OK):
        return bail("binary under test %s is not executable" % binpath)
    xfail = eq.load_xfail(a.expected_failures)
    refall = os.path.join(work, "cf-ref-all")
    r = eq.sh(["bash", os.path.join(eq.LIB, "gencf.sh"), refall], timeout=300)
    if r.returncode != 0:
        raise RuntimeError("generating the oracle .cf files with the reference m4 "
                           "library failed:\n" + r.stdout)

    # plan: per variant oracle, m4, load, groups..., extra
    plan = []
    for v in variants:
        if v["errors"]:
            plan.append((v, "header", None))
            continue
        files, metas = variant_files(v, a.case, a.sample)
        extra = extra_cases(v, metas)
        if a.case:
            extra = [(x, m) for x, m in extra
                     if any(fnmatch.fnmatchcase(x["id"], p) for p in a.case)]
        v["extra_cases"] = extra
        v["groupfiles"] = files
        plan += [(v, "oracle", None), (v, "m4", None), (v, "load", None)]
        plan += [(v, g, (g, meta, cs)) for g, meta, cs in files]
        if extra:
            plan.append((v, "extra", None))
    if tap:
        print("1..%d" % len(plan), flush=True)
        planned.append(1)
    log("binary: %s; reference: %s; %d variants" % (binpath, ref, len(variants)))

    report = a.report or os.path.join(os.environ.get("BUILD") or os.path.join(REPO, "build"),
                                      "cf-variants", "failures.txt")
    os.makedirs(os.path.dirname(os.path.abspath(report)), exist_ok=True)
    rep = open(report, "w", encoding="utf-8", errors="surrogateescape")
    rep.write("cf variants differences: binary %s, %s\n\n" % (
        binpath, time.strftime("%Y-%m-%d %H:%M:%S")))
    n = [0]
    table, unexpected, fixed = [], [], []
    patterns = collections.Counter()
    shown = [0]
    tot = [0, 0]

    def emit(name, ok, desc, detail, ids_bad=()):
        n[0] += 1
        todo = not ok and (eq.listed(name, xfail) or
                           (ids_bad and all(eq.listed(i, xfail) for i in ids_bad)))
        if ok and name in xfail:
            fixed.append(name)
        if not ok and not todo:
            unexpected.append(name)
        table.append((name, ok))
        if not tap:
            print("%s %s" % ("ok    " if ok else ("TODO  " if todo else "FAIL  "), desc))
            for l in ([] if ok else detail[:15]):
                print("      " + l)
            return
        if ok:
            print("ok %d - %s" % (n[0], desc))
        elif todo:
            print("not ok %d - %s # TODO known, listed in %s" % (
                n[0], desc, os.path.basename(a.expected_failures)))
        else:
            print("not ok %d - %s" % (n[0], desc))
            for l in detail[:15]:
                rb.diag("  " + l)
        sys.stdout.flush()

    done = set()
    for v, what, grp in plan:
        name = v["name"]
        if what == "header":
            emit("%s/header" % name, False, "%s: header of %s" % (
                name, os.path.relpath(v["mc"], REPO)), v["errors"])
            continue
        if name not in done:
            done.add(name)
            res = run_variant(v, a, work, refall, binpath, ref, t0, log)
        refst, ourst, results = res
        base = v["base"]
        if what == "oracle":
            r0 = results["ref"].get(name + "/load")
            ok = refst[0] and (not refst[1] or warned_alike(refst, ourst)) \
                and r0 is not None and r0["rc"] == 0 \
                and r0["out"].rstrip("> ") in (BANNER, BANNER.rstrip("\n"))
            detail = (refst[1].splitlines() or []) + (
                ["our binary with the reference's cf: %r (status %s)"
                 % (r0["out"][-500:], r0["rc"])] if r0 else [])
            emit("%s/oracle" % name, ok, "%s/oracle: the reference's .cf is generated "
                 "cleanly and loads in our binary without errors (harness check)" % name,
                 detail)
        elif what == "m4":
            ok = ourst[0] and (not ourst[1] or warned_alike(refst, ourst))
            emit("%s/m4" % name, ok, "%s/m4: our .cf generated from %s" % (
                name, os.path.relpath(v["mc"], REPO)), (ourst[1] or "").splitlines())
        elif what == "load":
            r0 = results["ref"].get(name + "/load")
            r1 = results["ours"].get(name + "/load")
            ok = ourst[0] and r0 is not None and r1 is not None and \
                r0["out"] == r1["out"] and r0["rc"] == r1["rc"]
            emit("%s/load" % name, ok, "%s/load: our .cf loads like the reference's" % name,
                 ["reference cf: %r (status %s)" % (r0 and r0["out"][-300:], r0 and r0["rc"]),
                  "our cf:       %r (status %s)" % (r1 and r1["out"][-300:], r1 and r1["rc"])])
        else:
            if what == "extra":
                pairs = v["extra_cases"]
            else:
                g, meta, cs = grp
                pairs = [(x, meta) for x in cs]
            agree = differ = skipped = 0
            ids_bad, detail = [], []
            for x, meta in pairs:
                if not ourst[0]:
                    differ += 1
                    ids_bad.append(x["id"])
                    continue
                verdict, o0, o1 = eq.compare_case(x, meta, results["ref"].get(x["id"]),
                                                  results["ours"].get(x["id"]))
                if verdict == "skip":
                    skipped += 1
                    continue
                if verdict == "agree":
                    agree += 1
                    if x["id"] in xfail:
                        fixed.append(x["id"])
                    continue
                differ += 1
                ids_bad.append(x["id"])
                p = eq.pattern(what, x, o0, o1)
                patterns["%s: %s" % (name, p)] += 1
                rerun = "test/cf/run_variants.py --variant %s --group %s --case '%s' --diff" % (
                    name, what, x["id"])
                eq.report_case(rep, x, meta, o0, o1, rerun)
                if len(detail) < 6:
                    detail.append("%s: %s: ref %s; ours %s" % (
                        x["id"], " ".join(x["input"])[:80], o0["show"][:150],
                        (o1["show"] if o1 else "(no outcome)")[:150]))
                if a.diff and not tap and (a.max_diff == 0 or shown[0] < a.max_diff):
                    shown[0] += 1
                    eq.show_diff(x, meta, o0, o1, results["ref"].get(x["id"]),
                                 results["ours"].get(x["id"]), rerun)
            tot[0] += agree
            tot[1] += differ
            emit("%s/%s" % (name, what), differ == 0 and (agree > 0 or skipped > 0),
                 "%s/%s: %d agree, %d differ%s%s (base %s)" % (
                     name, what, agree, differ,
                     ", %d not compared" % skipped if skipped else "",
                     " (no .cf of ours)" if not ourst[0] else "", base),
                 detail or (["no case compared"] if not agree else []), ids_bad)
    rep.close()
    if a.write_expected_failures:
        eq.write_xfail(a.expected_failures, xfail, [(t[0], 0, 0, 0, t[1]) for t in table])
        log("expected-failures file rewritten: %s" % a.expected_failures)
    for i in fixed:
        (rb.diag if tap else log)("now passes, remove from %s: %s" % (
            os.path.relpath(a.expected_failures, REPO), i))
    msg = "cf variants: %d agree, %d differ (%.0fs)" % (tot[0], tot[1], time.time() - t0)
    if tot[1]:
        (rb.diag if tap else log)("differences: %s" % report)
        for p, k in patterns.most_common(8):
            (rb.diag if tap else log)("  %5d  %s" % (k, p))
    (rb.diag if tap else log)(msg)
    return 1 if unexpected else 0


def run_variant(v, a, work, refall, binpath, ref, t0, log):
    """Generate, build both sandboxes, run.  -> (ref_status, our_status, results)."""
    name, base = v["name"], v["base"]
    refdir, oursdir, refst, ourst = prepare(v, a, work, refall)
    env = dict(os.environ, SENDMAIL_BIN=binpath, REF=ref, SENDMAIL_REF=ref)
    if v["files"]:
        env["SBX_EXTRA_FILES"] = os.path.abspath(v["files"])
    else:
        env.pop("SBX_EXTRA_FILES", None)
    argv0 = eq.load_argv(base)
    results = {"ref": {}, "ours": {}}
    for side, cfdir, st in (("ref", refdir, refst), ("ours", oursdir, ourst)):
        if not st[0]:
            continue
        items = [{"id": name + "/load", "argv": argv0, "stdin": ""}]
        for g, meta, cs in v["groupfiles"]:
            argv = rb.case_argv(meta)
            for x in cs:
                items.append({"id": x["id"], "argv": argv + x.get("args", []),
                              "stdin": "".join(l + "\n" for l in meta["preamble"] + x["input"])})
        for x, meta in v["extra_cases"]:
            items.append({"id": x["id"], "argv": rb.case_argv(meta),
                          "stdin": "".join(l + "\n" for l in meta["preamble"] + x["input"])})
        results[side] = eq.run_items("%s-%s" % (side, name), eq.SANDBOX_OF[base], cfdir,
                                     items, work, env, a, t0, log)
    if not a.keep:
        shutil.rmtree(os.path.join(work, name), ignore_errors=True)
    return refst, ourst, results


if __name__ == "__main__":
    sys.exit(main())
