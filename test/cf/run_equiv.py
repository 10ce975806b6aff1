#!/usr/bin/env python3
"""cf equivalence test: our m4 library (cf/) against the reference's.

For each oracle configuration (generic-linux, seed, smarthost, submit) the
same .mc is turned into a .cf twice -- by the reference m4 library
(test/oracle/lib/gencf.sh) and by ours (m4 TOP/cf/m4/cf.m4 X.mc) -- and OUR
sendmail binary runs every case of the -bt oracle corpus
(test/oracle/bt/shared/<config>/<group>.jsonl) once with each .cf, in the
oracle's namespace sandbox.  The traces differ (the rulesets are ours); the
OUTCOMES must agree (test/cf/btoutcome.py): the resolved triple of /parse,
the rewritten address of /try, the verdict class + reply code of check_*,
the final triple of 3,0, and the plain output of the misc commands
(macros, classes, maps; =S/=M dumps are skipped).

    test/cf/run_equiv.py                         # all configs and groups
    test/cf/run_equiv.py --config seed --group check_rcpt-outside
    test/cf/run_equiv.py --config seed --group parse --case 'seed/parse/shared/0042' --diff
    test/cf/run_equiv.py --config seed --ours-cf /tmp/my.cf   # a hand-made cf
    test/cf/run_equiv.py --self-check            # "ours" := the reference's cf: all agree
    test/cf/run_equiv.py --tap                   # as test/integration/cf-equiv.t

.mc files: generic-linux and submit are cf/cf/generic-linux.mc and
cf/cf/submit.mc for ours, the reference's stock files for the reference;
seed and smarthost are test/oracle/configs/<c>/<c>.mc for both.
Needs what test/oracle/run_bt.py needs (root, unshare, overlayfs, the
unpacked reference).  Python 3 stdlib only.
"""
import argparse
import collections
import concurrent.futures
import difflib
import fnmatch
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "test", "oracle"))
sys.path.insert(0, HERE)
import run_bt as rb          # noqa: E402  (sandbox helpers, corpus loading)
import btoutcome             # noqa: E402

CONFIGS = rb.CONFIGS
SANDBOX_OF = rb.SANDBOX_OF
LIB = rb.LIB
DEFAULT_XFAIL = os.path.join(HERE, "equiv-expected-failures.txt")
ORACLE_CONFIGS = os.path.join(REPO, "test", "oracle", "configs")


def our_mc(config, top=REPO):
    if config in ("generic-linux", "submit"):
        return os.path.join(top, "cf", "cf", config + ".mc")
    return os.path.join(ORACLE_CONFIGS, config, config + ".mc")


def sh(cmd, **kw):
    return rb.sh(cmd, **kw)


# ---------------------------------------------------------------- .cf files

def gen_ours(config, outdir, top=REPO, mc=None):
    """m4 TOP/cf/m4/cf.m4 X.mc > outdir/config.cf (X.mc: mc, default
    our_mc(config)).  Returns (ok, message): message holds m4's complaints
    (stderr) even when it succeeded."""
    cfm4 = os.path.join(top, "cf", "m4", "cf.m4")
    mc = mc or our_mc(config, top)
    if not os.path.exists(cfm4):
        return False, "%s does not exist (our m4 library is not there yet)" % cfm4
    if not os.path.exists(mc):
        return False, "%s does not exist" % mc
    scratch = tempfile.mkdtemp(prefix="m4.", dir=outdir)
    try:
        p = subprocess.run(["m4", cfm4, mc], cwd=scratch, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=120)
    except (OSError, subprocess.SubprocessError) as e:
        return False, "m4 %s %s: %s" % (cfm4, mc, e)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    err = rb.dec(p.stderr).strip()
    def rel(f):
        return os.path.relpath(f, top) if f.startswith(top + "/") else f
    cmd = "m4 %s %s" % (rel(cfm4), rel(mc))
    if p.returncode != 0 or not p.stdout.strip():
        return False, "%s failed (status %d%s):\n%s" % (
            cmd, p.returncode, ", empty output" if not p.stdout.strip() else "", err[-2000:])
    with open(os.path.join(outdir, config + ".cf"), "wb") as f:
        f.write(p.stdout)
    return True, ("%s said:\n%s" % (cmd, err[-2000:])) if err else ""


def prepare_cfdirs(a, work, configs, log):
    """-> (refdir, oursdir, ours_status{config: (ok, msg)}) or raises RuntimeError."""
    refdir = os.path.join(work, "cf-ref")
    r = sh(["bash", os.path.join(LIB, "gencf.sh"), refdir], timeout=300)
    if r.returncode != 0:
        raise RuntimeError("generating .cf files with the reference m4 library failed:\n"
                           + r.stdout)
    oursdir = os.path.join(work, "cf-ours")
    os.makedirs(oursdir, exist_ok=True)
    given = {}
    for spec in a.ours_cf:
        if "=" in spec and spec.split("=", 1)[0] in CONFIGS:
            c, f = spec.split("=", 1)
        elif len(configs) == 1:
            c, f = configs[0], spec
        else:
            raise RuntimeError("--ours-cf FILE needs exactly one --config (or CONFIG=FILE)")
        given[c] = os.path.abspath(f)
    top = REPO
    if getattr(a, "cf_rev", None):
        # cf/ as committed in that revision, not the working tree
        top = os.path.join(work, "rev")
        os.makedirs(top)
        r = subprocess.run("git -C %s archive %s cf | tar -x -C %s" % (
            shlex.quote(REPO), shlex.quote(a.cf_rev), shlex.quote(top)), shell=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
        if r.returncode != 0:
            log("--cf-rev %s: %s" % (a.cf_rev, r.stdout.strip()[:300]))
    status = {}
    # the generic-linux sandbox also holds submit.cf: generate all four
    for c in CONFIGS:
        dst = os.path.join(oursdir, c + ".cf")
        if a.self_check:
            shutil.copy(os.path.join(refdir, c + ".cf"), dst)
            status[c] = (True, "")
        elif c in given:
            if not os.path.isfile(given[c]):
                status[c] = (False, "--ours-cf %s: no such file" % given[c])
            else:
                shutil.copy(given[c], dst)
                status[c] = (True, "")
        else:
            status[c] = gen_ours(c, oursdir, top)
        if not status[c][0]:
            with open(dst, "w") as f:       # placeholder, its cases are not run
                f.write("")
    return refdir, oursdir, status


# ---------------------------------------------------------------- sandbox runs

def run_items(side, sandbox, cfdir, items, work, env, a, t0, log):
    """Run items [{id, argv, stdin}] in a fresh sandbox built with cfdir.
    Returns {id: {"out", "rc", "err"}}; raises RuntimeError."""
    if not items:
        return {}
    sbx = os.path.join(work, "sbx-%s-%s" % (side, sandbox))
    r = sh(["bash", os.path.join(LIB, "mksbx.sh"), sbx, sandbox, cfdir], env=env, timeout=300)
    if r.returncode != 0:
        raise RuntimeError("building sandbox %s (%s cf) failed:\n%s" % (sandbox, side, r.stdout))
    res = os.path.join(work, "results-%s-%s.jsonl" % (side, sandbox))
    job = {"timeout": a.timeout, "jobs": max(1, a.jobs), "deadline": t0 + a.budget,
           "results": res, "items": items}
    jobfile = os.path.join(work, "job-%s-%s.json" % (side, sandbox))
    with open(jobfile, "w") as f:
        json.dump(job, f)
    inner = "bash %s && exec %s %s --inner %s" % (
        shlex.quote(os.path.join(LIB, "postinstall.sh")), shlex.quote(sys.executable),
        shlex.quote(os.path.abspath(__file__)), shlex.quote(jobfile))
    ts = time.time()
    r = sh(["bash", os.path.join(LIB, "sbx.sh"), sbx, inner], env=env)
    got = {}
    if os.path.exists(res):
        with open(res) as f:
            for line in f:
                x = json.loads(line)
                got[x["id"]] = x
    if r.returncode != 0 or len(got) != len(items):
        raise RuntimeError("sandbox run %s/%s failed (status %s, %d/%d results):\n%s"
                           % (sandbox, side, r.returncode, len(got), len(items),
                              r.stdout[-3000:]))
    log("sandbox %s with the %s cf: %d runs in %.1fs" % (sandbox, side, len(items),
                                                        time.time() - ts))
    if not a.keep:
        shutil.rmtree(sbx, ignore_errors=True)
    return got


def inner_main(jobfile):
    """Inside the sandbox: run every item, write {id, out, rc, err} lines."""
    with open(jobfile) as f:
        job = json.load(f)

    ntimeouts = [0]

    def doit(it):
        if time.time() > job["deadline"]:
            return {"id": it["id"], "out": "", "rc": None,
                    "err": "not run: time budget (--budget) exhausted"}
        # as run_bt.py: after 10 timeouts (a looping cf) the limit drops to 2 s
        timeout = job["timeout"] if ntimeouts[0] < 10 else min(job["timeout"], 2)
        out, rc, err = rb.run_one(it["argv"], rb.enc(it["stdin"]), timeout)
        if err and err.startswith("timed out"):
            ntimeouts[0] += 1
        return {"id": it["id"], "out": rb.dec(out), "rc": rc, "err": err}

    with open(job["results"], "w") as res, \
            concurrent.futures.ThreadPoolExecutor(job["jobs"]) as ex:
        for r in ex.map(doit, job["items"], chunksize=8):
            res.write(json.dumps(r) + "\n")
    return 0


# ---------------------------------------------------------------- corpus

def corpus(configs, groups, cases):
    """[(config, group, meta, [case...])] from the shared oracle corpus."""
    out = []
    for c in configs:
        d = os.path.join(rb.BTDIR, c)
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".jsonl"):
                continue
            g = fn[:-6]
            if groups and not any(fnmatch.fnmatchcase(g, p) for p in groups):
                continue
            meta, cs = rb.load_file(os.path.join(d, fn))
            if cases:
                cs = [x for x in cs if any(fnmatch.fnmatchcase(x["id"], p) for p in cases)]
            if cs:
                out.append((c, g, meta, cs))
    return out


# /try for the mailers the corpus has no /try group for: both sides are run
# now (no recorded output), over every 4th address of the corpus's parse group
EXTRA_MAILERS = ("local", "prog", "smtp", "smtp8", "dsmtp", "relay", "procmail")
EXTRA_FLAGS = ("ER", "ES", "HR", "HS")


def extra_groups(configs, groups, cases, have):
    """Synthetic "x-try-MAILER-FLAGS" groups; have = {(config, group)} of the
    corpus (a mailer with a corpus group is not repeated)."""
    out = []
    for c in configs:
        meta, parse = rb.load_file(os.path.join(rb.BTDIR, c, "parse.jsonl"))
        addrs = [x["input"][-1][len("/parse "):] for x in parse
                 if x["input"][-1].startswith("/parse ")][::4]
        for m in EXTRA_MAILERS:
            for fl in EXTRA_FLAGS:
                if (c, "try-%s-%s" % (m, fl)) in have:
                    continue
                g = "x-try-%s-%s" % (m, fl)
                if groups and not any(fnmatch.fnmatchcase(g, p) for p in groups):
                    continue
                cmd = "/usr/sbin/sendmail%s -bt" % (
                    " -C /etc/mail/submit.cf" if c == "submit" else "")
                xmeta = {"command": cmd, "preamble": ["/tryflags " + fl],
                         "prefix_output": "", "trailer": "", "synthetic": True}
                cs = [{"id": "%s/%s/%04d" % (c, g, i + 1), "category": "try-" + m,
                       "input": ["/try %s %s" % (m, ad)]} for i, ad in enumerate(addrs)]
                if cases:
                    cs = [x for x in cs if any(fnmatch.fnmatchcase(x["id"], p) for p in cases)]
                if cs:
                    out.append((c, g, xmeta, cs))
    return out


def load_argv(config):
    if config == "submit":
        return ["/usr/sbin/sendmail", "-C", "/etc/mail/submit.cf", "-bt"]
    return ["/usr/sbin/sendmail", "-bt"]


def side_outcome(case, meta, r):
    if r is None:
        return {"kind": "none", "key": None, "show": "not run"}
    if r.get("err"):
        return {"kind": "error", "key": {"err": r["err"]}, "show": r["err"]}
    o = btoutcome.outcome(case["input"], r["out"])
    if o is None:
        return None
    # a crash is an outcome
    if r["rc"] is not None and r["rc"] < 0:
        o["key"] = dict(o["key"], signal=-r["rc"])
        o["show"] += " [killed by signal %d]" % -r["rc"]
    return o


def compare_case(x, meta, r0, r1):
    """-> (verdict, o0, o1): verdict "skip" (no outcome: =S/=M dumps),
    "agree" or "differ"; r0/r1 the reference-cf/our-cf results (or None)."""
    o0 = side_outcome(x, meta, r0)
    if o0 is None:
        return "skip", None, None
    o1 = side_outcome(x, meta, r1)
    if o1 is not None and o0["key"] == o1["key"]:
        return "agree", o0, o1
    return "differ", o0, o1


def pattern(group, case, ref, ours):
    """A short class of a difference, for the top-N summary."""
    k = ref["kind"] if ref else "?"
    cat = case.get("category", "")
    if k == "check":
        rv = ref["key"].get("verdict")
        ov = ours["key"].get("verdict") if ours and ours["kind"] == "check" else None
        d = "%s -> %s" % (" ".join(x for x in (rv or ["none"]) if x),
                         " ".join(x for x in (ov or ["none"]) if x) if ours else "?")
    elif k == "parse":
        def mailer(o):
            t = (o or {}).get("key", {}) or {}
            t = t.get("triple") or ""
            return t.split(",")[0] if t else ("errors" if (o or {}).get("key") else "?")
        mr, mo = mailer(ref), mailer(ours)
        d = "%s -> %s" % (mr, mo) if mr != mo else "%s: host/user/errors differ" % mr
    elif k == "rules":
        def m(o):
            t = (o or {}).get("key", {}) or {}
            t = t.get("triple")
            return ("$#" + t[0]) if t and t[0] else ("value" if t else "none")
        mr, mo = m(ref), m(ours)
        d = "%s -> %s" % (mr, mo) if mr != mo else "%s: host/user differ" % mr
    elif k == "try":
        d = "rewritten address differs"
        if ours and ours["key"].get("result") is None:
            d = "no result (%s)" % " | ".join(ours["key"].get("errors", []))[:60]
    else:
        d = "output of `%s` differs" % " ".join(case["input"])[:40]
    if ours and ours["kind"] in ("error", "none"):
        d = "ours: " + ours["show"][:60]
    gk = group if group.startswith(("try-", "x-try-")) else group.split("-")[0]
    return "%s [%s] %s" % (gk, cat, d)


# ---------------------------------------------------------------- main

def load_xfail(path):
    return rb.load_xfail(path) if path else set()


def listed(name, xfail):
    return any(fnmatch.fnmatchcase(name, p) for p in xfail)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--bin", default=os.environ.get("SENDMAIL_BIN")
                    or os.path.join(REPO, "build", "sendmail"),
                    help="our sendmail (default $SENDMAIL_BIN or build/sendmail)")
    ap.add_argument("--ref", default=os.environ.get("SENDMAIL_REF", "/opt/sendmail-ref"))
    ap.add_argument("--config", action="append", default=[])
    ap.add_argument("--group", action="append", default=[], help="group name(s)/glob(s)")
    ap.add_argument("--case", action="append", default=[], help="case id(s)/glob(s)")
    ap.add_argument("--ours-cf", action="append", default=[],
                    help="use this .cf as ours instead of generating it "
                    "(FILE with one --config, or CONFIG=FILE; repeatable)")
    ap.add_argument("--self-check", action="store_true",
                    help="use the reference's .cf as ours: everything must agree")
    ap.add_argument("--no-extra", action="store_true",
                    help="only the recorded corpus, not the x-try-MAILER-FLAGS groups")
    ap.add_argument("--cf-rev", help="generate ours from cf/ as committed in this git "
                    "revision (e.g. HEAD) instead of the working tree")
    ap.add_argument("-j", "--jobs", type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--budget", type=float, default=900)
    ap.add_argument("--diff", action="store_true",
                    help="print the differing cases with both outputs' diff")
    ap.add_argument("--max-diff", type=int, default=10)
    ap.add_argument("--report", help="failures file (default $BUILD or build/, then cf-equiv/failures.txt)")
    ap.add_argument("--workdir")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--expected-failures", default=os.environ.get(
        "CF_EQUIV_EXPECTED_FAILURES", DEFAULT_XFAIL))
    ap.add_argument("--write-expected-failures", action="store_true",
                    help="rewrite the expected-failures file (group level) from this run")
    ap.add_argument("--summary", help="also write a markdown summary (for STATUS.md) here")
    ap.add_argument("--tap", action="store_true")
    ap.add_argument("--inner", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.inner:
        return inner_main(a.inner)

    tap, t0, planned = a.tap, time.time(), []

    log, skip, bail = rb.reporters(tap, "cf equivalence harness", planned)

    configs, groups, ref = rb.selection(a)
    bad = [c for c in configs if c not in CONFIGS]
    if bad:
        return bail("unknown config %r (have %s)" % (bad[0], ", ".join(CONFIGS)))

    def body(work):
        try:
            return run(a, tap, log, bail, configs, groups, ref, work, t0, planned)
        except RuntimeError as e:
            return bail(str(e))
    return rb.in_scratch("cf-equiv.", a.workdir, a.keep, ref, log, skip, bail, body)


def run(a, tap, log, bail, configs, groups, ref, work, t0, planned):
    binpath = os.path.abspath(a.bin)
    if not os.access(binpath, os.X_OK):
        return bail("binary under test %s is not executable" % binpath)
    files = corpus(configs, groups, a.case)
    if not a.no_extra:
        files += extra_groups(configs, groups, a.case, {(f[0], f[1]) for f in files} | {
            (c, f[:-6]) for c in configs for f in os.listdir(os.path.join(rb.BTDIR, c))})
    if not files:
        return bail("no corpus case matches --config/--group/--case")
    refdir, oursdir, status = prepare_cfdirs(a, work, configs, log)
    xfail = load_xfail(a.expected_failures)
    env = dict(os.environ, SENDMAIL_BIN=binpath, REF=ref, SENDMAIL_REF=ref)

    # TAP tests: per config "m4" and "load", then one per config x group
    tests = []
    for c in configs:
        if any(f[0] == c for f in files):
            tests.append(("%s/m4" % c, c, None))
            tests.append(("%s/load" % c, c, None))
            if any(f[0] == c and not f[2].get("synthetic") for f in files):
                tests.append(("%s/oracle" % c, c, None))
    for c, g, meta, cs in files:
        tests.append(("%s/%s" % (c, g), c, (g, meta, cs)))
    if tap:
        print("1..%d" % len(tests), flush=True)
        planned.append(1)
    log("binary: %s; reference: %s; %d cases in %d groups%s" % (
        binpath, ref, sum(len(f[3]) for f in files), len(files),
        "; SELF-CHECK (ours = reference cf)" if a.self_check else ""))
    for c in configs:
        if not status[c][0]:
            log("our %s.cf: %s" % (c, status[c][1].splitlines()[0]))

    # what to run, per side and sandbox
    runs = {}        # (side, sandbox) -> items
    for side in ("ref", "ours"):
        for c in configs:
            if not any(f[0] == c for f in files) or (side == "ours" and not status[c][0]):
                continue
            runs.setdefault((side, SANDBOX_OF[c]), []).append(
                {"id": "%s/load" % c, "argv": load_argv(c), "stdin": ""})
        for c, g, meta, cs in files:
            if side == "ours" and not status[c][0]:
                continue
            argv = rb.case_argv(meta)
            for x in cs:
                runs.setdefault((side, SANDBOX_OF[c]), []).append(
                    {"id": x["id"], "argv": argv + x.get("args", []),
                     "stdin": "".join(l + "\n" for l in meta["preamble"] + x["input"])})
    results = {"ref": {}, "ours": {}}
    # the reference side first: a looping cf of ours must not eat its budget
    for (side, s), items in sorted(runs.items(), key=lambda kv: (kv[0][0] != "ref", kv[0][1])):
        results[side].update(run_items(side, s, refdir if side == "ref" else oursdir,
                                       items, work, env, a, t0, log))

    # compare
    report = a.report or os.path.join(os.environ.get("BUILD") or os.path.join(REPO, "build"),
                                      "cf-equiv", "failures.txt")
    os.makedirs(os.path.dirname(os.path.abspath(report)), exist_ok=True)
    rep = open(report, "w", encoding="utf-8", errors="surrogateescape")
    rep.write("cf equivalence differences: binary %s, %s\n"
              "(each case run by our binary with the reference's .cf and with ours;\n"
              " 'ref' and 'ours' are the outcomes; rerun one with the command shown)\n\n"
              % (binpath, time.strftime("%Y-%m-%d %H:%M:%S")))
    table = []          # (test, agree, differ, skipped, verdict)
    patterns = collections.Counter()
    pattern_ex = {}
    shown = 0
    n = 0
    unexpected = []
    fixed = []
    for name, c, grp in tests:
        n += 1
        ok, detail, ids_bad = True, [], []
        agree = differ = skipped = 0
        if grp is None and name.endswith("/m4"):
            ok = status[c][0] and not status[c][1]
            if not ok:
                detail = (status[c][1] or "").splitlines()
            desc = "%s: our .cf generated from %s" % (name, os.path.relpath(our_mc(c), REPO))
        elif grp is None and name.endswith("/oracle"):
            # harness guard: with the reference's cf, our binary must give the
            # outcomes the oracle recorded (else "agree" could be vacuous)
            nb, tot = 0, 0
            for cc, g, meta, cs in files:
                if cc != c or meta.get("synthetic"):
                    continue
                for x in cs:
                    o0 = side_outcome(x, meta, results["ref"].get(x["id"]))
                    oo = btoutcome.outcome(x["input"], meta["prefix_output"] + x["output"]
                                           + meta["trailer"])
                    if oo is None:
                        continue
                    tot += 1
                    if o0 is None or o0["key"] != oo["key"]:
                        nb += 1
                        if len(detail) < 5:
                            detail.append("%s: oracle %s; with the reference cf now %s"
                                          % (x["id"], oo["show"], o0 and o0["show"]))
            ok = nb == 0 and tot > 0
            if tot == 0:
                detail = ["no case compared"]
            desc = "%s: with the reference's cf, %d/%d outcomes are the oracle's " \
                "(harness check)" % (name, tot - nb, tot)
        elif grp is None:
            if not status[c][0]:
                ok, detail = False, ["no .cf of ours (see %s/m4)" % c]
            else:
                r0, r1 = results["ref"].get(name), results["ours"].get(name)
                ok = r0 is not None and r1 is not None and r0["out"] == r1["out"] \
                    and r0["rc"] == r1["rc"]
                if not ok:
                    detail = ["reference cf: %r (status %s)" % (r0 and r0["out"][-300:], r0 and r0["rc"]),
                              "our cf:       %r (status %s)" % (r1 and r1["out"][-300:], r1 and r1["rc"])]
            desc = "%s: our .cf loads like the reference's (no warnings)" % name
        else:
            g, meta, cs = grp
            for x in cs:
                v, o0, o1 = compare_case(x, meta, results["ref"].get(x["id"]),
                                         results["ours"].get(x["id"]))
                if v == "skip":         # not an outcome (=S, =M dumps)
                    skipped += 1
                    continue
                if not status[c][0]:
                    differ += 1
                    ids_bad.append(x["id"])
                    continue
                if v == "agree":
                    agree += 1
                    if x["id"] in xfail:
                        fixed.append(x["id"])
                    continue
                differ += 1
                ids_bad.append(x["id"])
                p = pattern(g, x, o0, o1)
                patterns["%s: %s" % (c, p)] += 1
                pattern_ex.setdefault("%s: %s" % (c, p), x["id"])
                rerun = "test/cf/run_equiv.py --config %s --group %s --case %s --diff" % (
                    c, g, x["id"])
                report_case(rep, x, meta, o0, o1, rerun)
                if a.diff and not tap and (a.max_diff == 0 or shown < a.max_diff):
                    shown += 1
                    show_diff(x, meta, o0, o1, results["ref"].get(x["id"]),
                              results["ours"].get(x["id"]), rerun)
            ok = differ == 0
            if not status[c][0]:
                detail = ["no .cf of ours (see %s/m4)" % c]
            desc = "%s: %d agree, %d differ%s%s" % (
                name, agree, differ, ", %d not compared" % skipped if skipped else "",
                " (no .cf of ours)" if not status[c][0] else "")
        table.append((name, agree, differ, skipped, ok))
        todo = not ok and (listed(name, xfail) or (ids_bad and all(i in xfail for i in ids_bad)))
        if ok and (name in xfail):
            fixed.append(name)
        if not ok and not todo:
            unexpected.append(name)
        if tap:
            if ok:
                print("ok %d - %s" % (n, desc))
            elif todo:
                print("not ok %d - %s # TODO known, listed in %s" % (
                    n, desc, os.path.basename(a.expected_failures)))
            else:
                print("not ok %d - %s" % (n, desc))
                for l in detail[:15]:
                    rb.diag("  " + l)
            sys.stdout.flush()
    rep.close()

    summary = render_summary(a, binpath, table, patterns, pattern_ex, status, configs,
                             time.time() - t0)
    if a.summary:
        with open(a.summary, "w") as f:
            f.write(summary)
    with open(os.path.join(os.path.dirname(os.path.abspath(report)), "results.json"), "w") as f:
        json.dump({"binary": binpath, "table": table, "patterns": patterns.most_common(),
                   "ours": {c: status[c] for c in configs}}, f, indent=1)
    if a.write_expected_failures:
        write_xfail(a.expected_failures or DEFAULT_XFAIL, xfail, table)
        log("expected-failures file rewritten: %s" % a.expected_failures)

    tot_a = sum(t[1] for t in table)
    tot_d = sum(t[2] for t in table)
    if tap:
        for name in fixed:
            rb.diag("now passes, remove from %s: %s" % (
                os.path.relpath(a.expected_failures, REPO), name))
        if tot_d:
            rb.diag("differences: %s" % report)
            for p, k in patterns.most_common(5):
                rb.diag("  %5d  %s" % (k, p))
        rb.diag("cf equivalence: %d agree, %d differ (%.0fs)" % (tot_a, tot_d, time.time() - t0))
        return 1 if unexpected else 0
    print(summary)
    print("failures file: %s" % report)
    return 0 if not unexpected and tot_d == 0 else 1


def report_case(rep, x, meta, o0, o1, rerun):
    """One difference in the failures file."""
    rep.write("=== %s  [%s]\n" % (x["id"], x.get("category", "")))
    for l in meta["preamble"]:
        rep.write("  input: %s    (preamble)\n" % l)
    for l in x["input"]:
        rep.write("  input: %s\n" % l)
    rep.write("  ref:   %s\n  ours:  %s\n  rerun: %s\n\n" % (
        o0["show"], o1["show"] if o1 else "(no outcome)", rerun))


def show_diff(x, meta, o0, o1, r0, r1, rerun):
    print("=== %s  [%s]" % (x["id"], x.get("category", "")))
    for l in meta["preamble"] + x["input"]:
        print("  input: %s" % l)
    print("  ref outcome:  %s" % o0["show"])
    print("  our outcome:  %s" % (o1["show"] if o1 else "(none)"))
    print("  rerun: %s" % rerun)
    a = (r0 or {}).get("out", "").splitlines(True)
    b = (r1 or {}).get("out", "").splitlines(True)
    for l in difflib.unified_diff(a, b, "output with the reference's cf",
                                  "output with our cf", n=2):
        print("  " + l.rstrip("\n"))
    print()


def render_summary(a, binpath, table, patterns, pattern_ex, status, configs, secs):
    o = []
    o.append("| config/group | agree | differ | not compared |")
    o.append("|---|---:|---:|---:|")
    for name, ag, df, sk, ok in table:
        if name.endswith(("/m4", "/load", "/oracle")):
            o.append("| %s | %s | | |" % (name, "ok" if ok else "**FAIL**"))
        else:
            o.append("| %s | %d | %s | %s |" % (name, ag, "**%d**" % df if df else "0",
                                                 sk or ""))
    tot_a = sum(t[1] for t in table)
    tot_d = sum(t[2] for t in table)
    o.append("")
    o.append("Total: %d agree, %d differ (%.0fs)." % (tot_a, tot_d, secs))
    bad = [c for c in configs if not status[c][0]]
    for c in bad:
        o.append("")
        o.append("Our %s.cf could not be made: `%s`" % (c, status[c][1].splitlines()[0]
                                                        if status[c][1] else "?"))
        rest = status[c][1].splitlines()[1:6]
        if rest:
            o.append("")
            o.extend("    " + l for l in rest)
    if patterns:
        o.append("")
        o.append("Top failure patterns (count, config: group [corpus category] ref -> ours, "
                 "an example id):")
        o.append("")
        for p, k in patterns.most_common(10):
            o.append("- %d  %s  (e.g. `%s`)" % (k, p, pattern_ex[p]))
    return "\n".join(o) + "\n"


def write_xfail(path, old, table):
    header = []
    if os.path.exists(path):
        with open(path) as f:
            header = [l.rstrip("\n") for l in f if l.startswith("#")]
    ran = {t[0] for t in table}
    keep = sorted(i for i in old if i not in ran and not any(
        fnmatch.fnmatchcase(r, i) for r in ran))
    new = sorted(t[0] for t in table if not t[4])
    with open(path, "w") as f:
        for l in header:
            f.write(l + "\n")
        for i in sorted(set(keep) | set(new)):
            f.write(i + "\n")


if __name__ == "__main__":
    sys.exit(main())
