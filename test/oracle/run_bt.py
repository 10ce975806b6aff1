#!/usr/bin/env python3
"""Differential -bt test against the sendmail 8.17.1.9 oracle.

For every case in test/oracle/bt/shared/<config>/<group>.jsonl, run
`preamble + case input` through a fresh `/usr/sbin/sendmail -bt` (the binary
under test, installed in a namespace sandbox that reproduces the oracle's
environment: host name mail.example.com, fake DNS, fixed passwd, .cf files
generated at test time by the reference m4 library, maps built by the
reference makemap/newaliases) and compare stdout+stderr byte for byte with
prefix_output + output + trailer, and the exit status with exit_status.

    test/oracle/run_bt.py                       # all 10,822 cases, our build/sendmail
    test/oracle/run_bt.py --config seed --group misc --diff
    test/oracle/run_bt.py --case 'seed/parse/shared/01*' --diff
    test/oracle/run_bt.py --bin /opt/sendmail-ref/usr/libexec/sendmail/sendmail
    test/oracle/run_bt.py --tap                 # TAP, as test/integration/bt-oracle.t

Needs root, unshare(1) (uts/mount/net/pid namespaces), overlayfs, ip(8),
m4 and the unpacked reference ($SENDMAIL_REF, default /opt/sendmail-ref;
unpacked with lib/unpack-reference.sh if missing).  Python 3 stdlib only.
"""
import argparse
import concurrent.futures
import difflib
import fnmatch
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.join(HERE, "lib")
BTDIR = os.path.join(HERE, "bt", "shared")
# cases captured for this project from the reference in the same sandbox
# (other modes than -bt, e.g. -bv); same format, a case may add "args"
LOCALDIR = os.path.join(HERE, "bt", "local")
REPO = os.path.dirname(os.path.dirname(HERE))
CONFIGS = ["generic-linux", "seed", "smarthost", "submit"]
# the submit.cf cases were captured in the generic-linux sandbox
SANDBOX_OF = {"generic-linux": "generic-linux", "seed": "seed",
              "smarthost": "smarthost", "submit": "generic-linux"}
OVERLAID = ("/etc", "/var", "/usr", "/home", "/run")
DEFAULT_XFAIL = os.path.join(HERE, "bt-expected-failures.txt")
CASE_ENV = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root",
            "LOGNAME": "root", "USER": "root", "TZ": "UTC",
            "LANG": "C", "LC_ALL": "C"}
SKIP = 77
# sanitizer settings (make check SANITIZE=1 exports them) pass through
SANITIZER_ENV = ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "MSAN_OPTIONS",
                 "TSAN_OPTIONS")


def case_env():
    env = dict(CASE_ENV)
    for k in SANITIZER_ENV:
        if k in os.environ:
            env[k] = os.environ[k]
    return env


def enc(s):
    return s.encode("utf-8", "surrogateescape")


def dec(b):
    return b.decode("utf-8", "surrogateescape")


# ---------------------------------------------------------------- corpus

def load_file(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    meta = json.loads(lines[0])
    cases = [json.loads(l) for l in lines[1:] if l.strip()]
    if meta.get("cases") is not None and meta["cases"] != len(cases):
        raise SystemExit("%s: metadata says %d cases, found %d"
                         % (path, meta["cases"], len(cases)))
    return meta, cases


def corpus_files(configs, groups):
    out = []
    for c in configs:
        for base in (BTDIR, LOCALDIR):
            d = os.path.join(base, c)
            if not os.path.isdir(d):
                continue
            for fn in sorted(os.listdir(d)):
                if not fn.endswith(".jsonl"):
                    continue
                g = fn[:-len(".jsonl")]
                if groups and not any(fnmatch.fnmatchcase(g, p) for p in groups):
                    continue
                out.append((c, g, os.path.join(d, fn)))
    return out


def case_argv(meta):
    """argv from the metadata command, e.g. '/usr/sbin/sendmail -C x -bt < f.in'."""
    cmd = meta["command"].split("<")[0]
    argv = shlex.split(cmd)
    if not argv or argv[0] != "/usr/sbin/sendmail" or not ("-bt" in argv or "-bv" in argv):
        raise SystemExit("unexpected command in metadata: %r" % meta["command"])
    return argv


def case_stdin(meta, case):
    return enc("".join(l + "\n" for l in meta["preamble"] + case["input"]))


def case_expected(meta, case):
    return enc(meta["prefix_output"] + case["output"] + meta["trailer"])


# ---------------------------------------------------------------- inner side
# (runs as a child of lib/sbx.sh, i.e. inside the sandbox)

def run_one(argv, stdin_bytes, timeout):
    """Run argv with stdin from a regular (memfd) file, stdout+stderr merged
    into one pipe.  Returns (output bytes, status, error-or-None)."""
    fd = os.memfd_create("bt-stdin")
    try:
        os.write(fd, stdin_bytes)
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            p = subprocess.Popen(argv, stdin=fd, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, env=case_env(),
                                 cwd="/", start_new_session=True,
                                 close_fds=True)
        except OSError as e:
            return b"", None, "cannot execute %s: %s" % (argv[0], e)
    finally:
        os.close(fd)
    try:
        out, _ = p.communicate(timeout=timeout)
        err = None
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            out, _ = p.communicate(timeout=2)
        except subprocess.TimeoutExpired:
            p.kill()
            p.stdout.close()
            p.wait()
            out = b""
        err = "timed out after %gs (killed)" % timeout
    rc = p.returncode
    return out, rc, err


def inner_main(jobfile):
    with open(jobfile) as f:
        job = json.load(f)
    work = []
    for ent in job["files"]:
        meta, cases = load_file(ent["path"])
        argv = case_argv(meta)
        want = set(ent["ids"]) if ent.get("ids") is not None else None
        for c in cases:
            if want is None or c["id"] in want:
                work.append((ent["key"], meta, argv, c))

    import threading
    lock = threading.Lock()
    ntimeouts = [0]

    def doit(item):
        key, meta, argv, c = item
        if time.time() > job["deadline"]:
            return {"id": c["id"], "file": key, "ok": False, "secs": 0, "got": "",
                    "got_status": None, "out_ok": False, "status_ok": False,
                    "error": "not run: time budget (--budget) exhausted"}
        # a binary that hangs everywhere must not take hours: after 10
        # timeouts the per-case limit drops to 2 s
        timeout = job["timeout"] if ntimeouts[0] < 10 else min(job["timeout"], 2)
        t = time.monotonic()
        out, rc, err = run_one(argv + c.get("args", []), case_stdin(meta, c), timeout)
        t = time.monotonic() - t
        if err and err.startswith("timed out"):
            with lock:
                ntimeouts[0] += 1
        exp = case_expected(meta, c)
        out_ok = out == exp
        st_ok = rc == c["exit_status"]
        r = {"id": c["id"], "file": key, "ok": bool(out_ok and st_ok and not err),
             "secs": round(t, 3)}
        if not r["ok"]:
            r.update(got=dec(out), got_status=rc, out_ok=out_ok,
                     status_ok=st_ok, error=err)
        return r

    with open(job["results"], "w") as res, \
            concurrent.futures.ThreadPoolExecutor(job["jobs"]) as ex:
        for r in ex.map(doit, work, chunksize=8):
            res.write(json.dumps(r) + "\n")
    return 0


# ---------------------------------------------------------------- outer side

def sh(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kw)


def under_overlaid(path):
    p = os.path.realpath(path)
    return any(p == d or p.startswith(d + "/") for d in OVERLAID)


def check_root():
    if os.geteuid() != 0:
        return "needs root (namespaces, overlay mounts)"
    if not hasattr(os, "memfd_create"):
        return "python3 lacks os.memfd_create"
    return None


def check_namespaces(workdir):
    """Return None if the sandbox can be built here, else a reason."""
    for tool in ("unshare", "mount", "ip"):
        if not shutil.which(tool):
            return "%s(8) not found" % tool
    t = tempfile.mkdtemp(prefix="prereq.", dir=workdir)
    try:
        os.makedirs(os.path.join(t, "up"))
        os.makedirs(os.path.join(t, "wk"))
        script = ("set -e; hostname mail.example.com; ip link set lo up; "
                  "mount -t overlay overlay -o lowerdir=/etc,upperdir=%s/up,workdir=%s/wk /etc; "
                  "touch /etc/.bt-oracle-probe; test \"$(hostname)\" = mail.example.com"
                  % (t, t))
        r = sh(["unshare", "--uts", "--mount", "--net", "--pid", "--fork",
                "--mount-proc", "--propagation", "private", "sh", "-c", script],
               timeout=60)
        if r.returncode != 0:
            return ("namespaces/overlayfs unavailable (unshare --uts --mount --net "
                    "--pid --mount-proc + overlay on /etc failed: %s)"
                    % " ".join(r.stdout.split())[:300])
        if os.path.exists("/etc/.bt-oracle-probe"):
            os.unlink("/etc/.bt-oracle-probe")
            return "mount namespace did not isolate /etc (probe leaked to host)"
    except (OSError, subprocess.SubprocessError) as e:
        return "namespace probe failed: %s" % e
    finally:
        shutil.rmtree(t, ignore_errors=True)
    return None


def ensure_ref(ref, log):
    """Unpack the reference (and install its libraries, m4, iproute2) unless
    that is done already; lib/unpack-reference.sh is quick when it is."""
    binp = os.path.join(ref, "usr/libexec/sendmail/sendmail")
    if not os.path.exists(binp):
        log("unpacking the reference into %s (apt-get download sendmail-*) ..." % ref)
    try:
        r = sh(["bash", os.path.join(LIB, "unpack-reference.sh"), ref], timeout=900)
    except subprocess.TimeoutExpired:
        return "unpacking the reference into %s timed out" % ref
    if r.returncode != 0 or not os.access(binp, os.X_OK) or not shutil.which("m4"):
        return "cannot unpack the reference into %s (lib/unpack-reference.sh: %s)" % (
            ref, " ".join(r.stdout.split())[-300:])
    return None


def load_xfail(path):
    ids = set()
    if path and os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    ids.add(line)
    return ids


def first_diff(exp, got):
    el = exp.split(b"\n")
    gl = got.split(b"\n")
    for i in range(max(len(el), len(gl))):
        e = el[i] if i < len(el) else None
        g = gl[i] if i < len(gl) else None
        if e != g:
            return i + 1, e, g
    return None, None, None


def show(b):
    return "<missing>" if b is None else repr(dec(b))


def describe_failure(meta, case, r, full=True):
    exp = case_expected(meta, case)
    got = enc(r["got"])
    o = []
    o.append("=== %s  [%s]  subject: %s" % (case["id"], case.get("category", ""),
                                           case.get("subject", "")))
    o.append("command: %s" % meta["command"].split("<")[0].strip())
    o.append("stdin:")
    for l in meta["preamble"]:
        o.append("    %s    (preamble)" % l)
    for l in case["input"]:
        o.append("    %s" % l)
    if r.get("error"):
        o.append("error: %s" % r["error"])
    if not r["status_ok"]:
        gs = r["got_status"]
        if gs is not None and gs < 0:
            gs = "none (killed by signal %d)" % -gs
        o.append("exit status: expected %s, got %s" % (case["exit_status"], gs))
    if not r["out_ok"]:
        n, e, g = first_diff(exp, got)
        o.append("output differs at line %s:" % n)
        o.append("  expected: %s" % show(e))
        o.append("  got:      %s" % show(g))
        if full:
            d = difflib.unified_diff(dec(exp).splitlines(True), dec(got).splitlines(True),
                                     "expected", "got", n=3)
            for l in d:
                o.append("  " + (l if l.endswith("\n") else l + "\\ (no newline)\n").rstrip("\n"))
    return "\n".join(o) + "\n"


def selection(a):
    """--config and --group lists (comma-separated, repeatable) and the
    reference directory, which is also exported as $SENDMAIL_REF/$REF."""
    configs = [c for arg in a.config for c in arg.split(",") if c] or list(CONFIGS)
    groups = [g for arg in a.group for g in arg.split(",") if g]
    ref = os.path.abspath(a.ref)
    os.environ["SENDMAIL_REF"] = os.environ["REF"] = ref
    return configs, groups, ref


def reporters(tap, title, planned):
    """log(msg), skip(reason), bail(reason) for a harness that prints TAP
    (tap) or plain text; planned is non-empty once the TAP plan is out.
    Shared with test/cf/run_equiv.py and relay_battery.py."""
    def log(msg):
        if tap:
            print("# " + msg, flush=True)
        else:
            print(msg, file=sys.stderr, flush=True)

    def skip(reason):
        if tap:
            print("1..0 # SKIP %s" % reason, flush=True)
            return 0
        print("SKIP: %s" % reason, file=sys.stderr)
        return SKIP

    def bail(reason):
        if tap and planned:
            print("Bail out! %s: %s" % (title, reason.splitlines()[0]), flush=True)
            for line in reason.splitlines()[1:]:
                print("# " + line)
        elif tap:
            print("1..1\nnot ok 1 - %s\n# %s"
                  % (title, reason.replace("\n", "\n# ")), flush=True)
        else:
            print("error: %s" % reason, file=sys.stderr)
        return 1
    return log, skip, bail


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--bin", default=os.environ.get("SENDMAIL_BIN")
                    or os.path.join(REPO, "build", "sendmail"),
                    help="binary under test (default $SENDMAIL_BIN or build/sendmail)")
    ap.add_argument("--ref", default=os.environ.get("SENDMAIL_REF", "/opt/sendmail-ref"),
                    help="unpacked reference (default $SENDMAIL_REF or /opt/sendmail-ref)")
    ap.add_argument("--config", action="append", default=[],
                    help="config(s) to run (repeat or comma list): " + ",".join(CONFIGS))
    ap.add_argument("--group", action="append", default=[],
                    help="group name(s) or glob(s), e.g. misc, 'try-*'")
    ap.add_argument("--case", action="append", default=[],
                    help="case id(s) or glob(s), e.g. 'seed/misc/shared/0042'")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel cases (2)")
    ap.add_argument("--timeout", type=float, default=10, help="per-case timeout, s (10)")
    ap.add_argument("--budget", type=float, default=1200,
                    help="overall time limit, s (1200): cases not started by then fail")
    ap.add_argument("--diff", action="store_true", help="print failures with diffs")
    ap.add_argument("--max-diff", type=int, default=20,
                    help="with --diff, print at most this many failures (20; 0 = all)")
    ap.add_argument("--report", help="failure report file (default build/bt-oracle/failures.txt)")
    ap.add_argument("--results", help="machine-readable results (default beside --report)")
    ap.add_argument("--workdir", help="scratch dir for .cf files and sandboxes "
                    "(default: a new dir in /tmp; must not be under /etc /var /usr /home /run)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch dir")
    ap.add_argument("--expected-failures", default=os.environ.get(
        "BT_ORACLE_EXPECTED_FAILURES", DEFAULT_XFAIL),
        help="file of case ids known to fail (default test/oracle/bt-expected-failures.txt "
        "or $BT_ORACLE_EXPECTED_FAILURES); '' for none")
    ap.add_argument("--write-expected-failures", action="store_true",
                    help="rewrite the expected-failures file from this run's failures "
                    "(entries for cases not run are kept)")
    ap.add_argument("--tap", action="store_true", help="TAP output (one test per file)")
    ap.add_argument("--check-prereqs", action="store_true",
                    help="only check that the sandbox can run here (exit 0, or 77 + reason)")
    ap.add_argument("--inner", help=argparse.SUPPRESS)
    a = ap.parse_args()

    if a.inner:
        return inner_main(a.inner)

    tap = a.tap
    t0 = time.time()
    planned = []     # non-empty once the TAP plan is printed
    log, skip, bail = reporters(tap, "bt oracle harness", planned)

    configs, groups, ref = selection(a)
    bad = [c for c in configs if c not in CONFIGS]
    if bad:
        return bail("unknown config %r (have %s)" % (bad[0], ", ".join(CONFIGS)))


    def body(work):
        if a.check_prereqs:
            print("ok: namespaces, overlayfs and the reference in %s are usable" % ref)
            return 0
        return run(a, tap, log, bail, configs, groups, ref, work, t0, planned)
    return in_scratch("bt-oracle.", a.workdir, a.keep, ref, log, skip, bail, body)


def in_scratch(prefix, workdir, keep, ref, log, skip, bail, body):
    """Make a scratch dir (in workdir or /tmp), skip() unless the sandbox can
    run here, return body(scratch dir); the dir is removed unless keep.
    Shared with test/cf/run_equiv.py and relay_battery.py."""
    base = workdir or "/tmp"
    os.makedirs(base, exist_ok=True)
    work = tempfile.mkdtemp(prefix=prefix, dir=base)
    try:
        if under_overlaid(work):
            return bail("--workdir %s is under one of %s (overlay-mounted in the sandbox)"
                        % (workdir, " ".join(OVERLAID)))
        reason = check_root() or ensure_ref(ref, log) or check_namespaces(work)
        if reason:
            return skip(reason)
        return body(work)
    finally:
        if keep:
            log("scratch dir kept: %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


def run(a, tap, log, bail, configs, groups, ref, work, t0, planned):
    binpath = os.path.abspath(a.bin)
    if not os.path.isfile(binpath) or not os.access(binpath, os.X_OK):
        return bail("binary under test %s does not exist or is not executable "
                    "(build it, or use --bin / $SENDMAIL_BIN)" % binpath)
    files = corpus_files(configs, groups)
    if not files:
        return bail("no corpus file matches --config/--group")
    # load + filter
    loaded = {}
    selected = {}
    for c, g, path in files:
        meta, cases = load_file(path)
        if a.case:
            cases = [x for x in cases if any(fnmatch.fnmatchcase(x["id"], p) for p in a.case)]
        if not cases:
            continue
        key = "%s/%s" % (c, g)
        loaded[key] = (c, g, path, meta, {x["id"]: x for x in cases})
        selected[key] = [x["id"] for x in cases]
    if not loaded:
        return bail("no case matches the filters")
    ntotal = sum(len(v) for v in selected.values())
    keys = list(loaded)
    if tap:
        print("1..%d" % len(keys), flush=True)
        planned.append(True)
    log("binary under test: %s" % binpath)
    log("reference: %s; %d cases in %d files; scratch %s" % (ref, ntotal, len(keys), work))

    cfdir = os.path.join(work, "cf")
    r = sh(["bash", os.path.join(LIB, "gencf.sh"), cfdir], timeout=300)
    if r.returncode != 0:
        return bail("generating .cf files with the reference m4 library failed:\n" + r.stdout)

    xfail = load_xfail(a.expected_failures) if a.expected_failures else set()
    env = dict(os.environ, SENDMAIL_BIN=binpath, REF=ref, SENDMAIL_REF=ref)
    results = {}
    sbx_order = []
    for k in keys:
        s = SANDBOX_OF[loaded[k][0]]
        if s not in sbx_order:
            sbx_order.append(s)
    tapn = 0
    for s in sbx_order:
        skeys = [k for k in keys if SANDBOX_OF[loaded[k][0]] == s]
        sbx = os.path.join(work, "sbx-" + s)
        r = sh(["bash", os.path.join(LIB, "mksbx.sh"), sbx, s, cfdir], env=env, timeout=300)
        if r.returncode != 0:
            return bail("building sandbox %s failed:\n%s" % (s, r.stdout))
        job = {"timeout": a.timeout, "jobs": max(1, a.jobs), "deadline": t0 + a.budget,
               "results": os.path.join(work, "results-%s.jsonl" % s),
               "files": [{"key": k, "path": loaded[k][2],
                          "ids": selected[k] if a.case else None} for k in skeys]}
        jobfile = os.path.join(work, "job-%s.json" % s)
        with open(jobfile, "w") as f:
            json.dump(job, f)
        inner = "bash %s && exec %s %s --inner %s" % (
            shlex.quote(os.path.join(LIB, "postinstall.sh")), shlex.quote(sys.executable),
            shlex.quote(os.path.abspath(__file__)), shlex.quote(jobfile))
        ts = time.time()
        r = sh(["bash", os.path.join(LIB, "sbx.sh"), sbx, inner], env=env)
        got = {}
        if os.path.exists(job["results"]):
            with open(job["results"]) as f:
                for line in f:
                    x = json.loads(line)
                    got[x["id"]] = x
        nexp = sum(len(selected[k]) for k in skeys)
        if r.returncode != 0 or len(got) != nexp:
            return bail("sandbox run for %s failed (status %s, %d/%d results):\n%s"
                        % (s, r.returncode, len(got), nexp, r.stdout[-3000:]))
        if r.stdout.strip():
            log("sandbox %s said: %s" % (s, r.stdout.strip()[:500]))
        results.update(got)
        log("sandbox %s: %d cases in %.1fs" % (s, nexp, time.time() - ts))
        if tap:
            for k in skeys:
                tapn += 1
                tap_file(tapn, k, selected[k], results, xfail, a.expected_failures)

    # ---- summary
    npass = 0
    per_config = {}
    unexpected, expected, fixed = [], [], []
    for k in keys:
        c = loaded[k][0]
        pc = per_config.setdefault(c, [0, 0])
        for cid in selected[k]:
            ok = results[cid]["ok"]
            pc[1] += 1
            if ok:
                pc[0] += 1
                npass += 1
                if cid in xfail:
                    fixed.append(cid)
            elif cid in xfail:
                expected.append(cid)
            else:
                unexpected.append(cid)
    elapsed = time.time() - t0

    report = a.report or os.path.join(REPO, "build", "bt-oracle", "failures.txt")
    resfile = a.results or os.path.join(os.path.dirname(os.path.abspath(report)),
                                        "results.json")
    os.makedirs(os.path.dirname(os.path.abspath(report)), exist_ok=True)
    with open(report, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write("bt oracle failures: binary %s, %d/%d cases pass, %s\n"
                % (binpath, npass, ntotal, time.strftime("%Y-%m-%d %H:%M:%S")))
        f.write("(expected = reference sendmail 8.17.1.9 as captured by the oracle; "
                "case ids marked [xfail] are in %s)\n\n" % a.expected_failures)
        for k in keys:
            meta = loaded[k][3]
            for cid in selected[k]:
                rr = results[cid]
                if not rr["ok"]:
                    txt = describe_failure(meta, loaded[k][4][cid], rr)
                    if cid in xfail:
                        txt = txt.replace("=== ", "=== [xfail] ", 1)
                    f.write(txt + "\n")
    with open(resfile, "w") as f:
        json.dump({"binary": binpath, "passed": npass, "total": ntotal,
                   "per_file": {k: [sum(results[i]["ok"] for i in selected[k]),
                                    len(selected[k])] for k in keys},
                   "failed": [i for k in keys for i in selected[k] if not results[i]["ok"]]},
                  f, indent=1)

    if a.write_expected_failures:
        write_xfail(a.expected_failures or DEFAULT_XFAIL, xfail, selected, results, keys)
        log("expected-failures file rewritten: %s" % (a.expected_failures or DEFAULT_XFAIL))

    if a.diff and not tap:
        shown = 0
        for k in keys:
            for cid in selected[k]:
                rr = results[cid]
                if not rr["ok"] and (a.max_diff == 0 or shown < a.max_diff):
                    sys.stdout.buffer.write(enc(describe_failure(loaded[k][3],
                                                                 loaded[k][4][cid], rr)) + b"\n")
                    shown += 1
        sys.stdout.flush()

    if tap:
        # diag (stderr, shown by prove without -v): what a developer must act on
        sys.stdout.flush()
        for cid in fixed:
            xf = os.path.abspath(a.expected_failures)
            if xf.startswith(REPO + "/"):
                xf = os.path.relpath(xf, REPO)
            diag("now passes, remove from %s: %s" % (xf, cid))
        if npass != ntotal:
            diag("failure report: %s" % report)
        diag("bt oracle: %d/%d cases byte-identical (%d expected failures, "
             "%d unexpected; %.0fs)" % (npass, ntotal, len(expected), len(unexpected), elapsed))
        return 1 if unexpected else 0

    w = max(len(k) for k in keys)
    for k in keys:
        p = sum(results[i]["ok"] for i in selected[k])
        print("%-*s %5d/%-5d%s" % (w, k, p, len(selected[k]),
                                   "" if p == len(selected[k]) else "  FAIL"))
    print("-" * 40)
    for c in configs:
        if c in per_config:
            print("%-14s %5d/%d" % (c, per_config[c][0], per_config[c][1]))
    print("bt oracle: %d/%d cases byte-identical (%.1fs)" % (npass, ntotal, elapsed))
    if xfail:
        print("expected failures: %d still failing, %d now pass%s" % (
            len(expected), len(fixed), " (remove them from %s)" % a.expected_failures
            if fixed else ""))
    if npass != ntotal:
        print("unexpected failures: %d; report: %s" % (len(unexpected), report))
    return 1 if unexpected else 0


def diag(msg):
    """TAP diagnostic on stderr (like Test::More's diag), shown by prove."""
    sys.stderr.write("# %s\n" % msg)
    sys.stderr.flush()


def tap_file(n, key, ids, results, xfail, xfail_name):
    """One TAP test for a corpus file.  The pass count goes to stdout as a
    comment (seen with prove -v), and to stderr as well when some case fails."""
    p = sum(results[i]["ok"] for i in ids)
    fails = [i for i in ids if not results[i]["ok"]]
    unexp = [i for i in fails if i not in xfail]
    desc = "%s: %d/%d byte-identical" % (key, p, len(ids))
    if not fails:
        print("ok %d - %s" % (n, desc))
    elif not unexp:
        print("not ok %d - %s # TODO %d known failures listed in %s"
              % (n, desc, len(fails), os.path.basename(xfail_name)))
    else:
        print("not ok %d - %s" % (n, desc))
    print("# %s: %d/%d pass" % (key, p, len(ids)), flush=True)
    if unexp:
        diag("%s: %d/%d pass, %d unexpected failures, e.g.:" % (key, p, len(ids), len(unexp)))
        for i in unexp[:5]:
            diag("  %s%s" % (i, "  (%s)" % results[i]["error"]
                             if results[i].get("error") else ""))
        if len(unexp) > 5:
            diag("  ... and %d more" % (len(unexp) - 5))
    elif fails:
        diag("%s: %d/%d pass (%d expected failures)" % (key, p, len(ids), len(fails)))


def write_xfail(path, old, selected, results, keys):
    ran = {i for k in keys for i in selected[k]}
    keep = sorted(i for i in old if i not in ran)
    new = sorted(i for k in keys for i in selected[k] if not results[i]["ok"])
    header = []
    if os.path.exists(path):
        with open(path) as f:
            header = [l.rstrip("\n") for l in f if l.startswith("#")]
    with open(path, "w") as f:
        for l in header:
            f.write(l + "\n")
        for i in sorted(set(keep) | set(new)):
            f.write(i + "\n")


if __name__ == "__main__":
    sys.exit(main())
