#!/usr/bin/env python3
"""Replay an oracle queue/ or logs/ scenario with OUR binaries and compare.

A scenario is a directory test/oracle/{queue,logs}/NAME copied from the
oracle: SCENARIO.sh (the shell script the oracle ran inside its sandbox),
CONFIG (the sandbox configuration: seed, smarthost, ...), and what the
reference produced, normalised: NN-step.norm.out + NN-step.rc (+ .cmd),
NN-step.syslog.norm.txt, snapshot directories NN-name/ of queue files, data
files (aliases.norm.bad).  This runner

  1. generates the .cf files with the reference m4 library (lib/gencf.sh),
  2. builds a fresh sandbox of CONFIG (lib/mksbx.sh) whose /usr/sbin/sendmail
     is the binary under test and whose makemap/editmap/praliases are ours
     when they exist in the tools directory (SBX_TOOLS, opt-in in mksbx.sh),
  3. runs SCENARIO.sh inside it (lib/sbx.sh) with L=test/oracle/lib and
     OUTD=a scratch directory, exactly as the oracle did,
  4. normalises what the run wrote (lib/normalise.sed, then
     lib/normalise-local.sed on both sides) and compares every file the
     oracle has a .norm copy of, and every exit status (.rc), byte for byte.

One result per step (the NN-name prefix; files without one form the step
"files").  With --tap one TAP line per step; steps listed in the
expected-failures file (default scenario-expected-failures.txt, ids like
"q4-aliases-maps/01-newaliases") are "not ok # TODO", and a listed step that
passes gets a diag line.  Needs root, unshare, overlayfs (as run_bt.py).

    test/oracle/run_scenario.py q4-aliases-maps --diff
    test/oracle/run_scenario.py --tap q4-aliases-maps
    test/oracle/run_scenario.py --ref q4-aliases-maps      # harness self-check
"""
import argparse
import difflib
import fnmatch
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.join(HERE, "lib")
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import run_bt  # noqa: E402  (sandbox probes, reference unpacking)

SCEN_DIRS = [os.path.join(HERE, "queue"), os.path.join(HERE, "logs")]
DEFAULT_XFAIL = os.path.join(HERE, "scenario-expected-failures.txt")
TOOLS = ("makemap", "editmap", "praliases")
SKIP = 77
STEP_RE = re.compile(r"^(\d\d-[^./]+)")


# ---------------------------------------------------------------- scenario

def find_scenario(name):
    if os.path.isdir(name) and os.path.exists(os.path.join(name, "SCENARIO.sh")):
        return os.path.abspath(name)
    for d in SCEN_DIRS:
        p = os.path.join(d, name)
        if os.path.exists(os.path.join(p, "SCENARIO.sh")):
            return p
    raise SystemExit("run_scenario: no scenario %r under %s" % (name, ", ".join(SCEN_DIRS)))


def step_of(rel):
    m = STEP_RE.match(rel.split("/")[0])
    return m.group(1) if m else "files"


def raw_name(name):
    """normtree.py wrote X.norm.EXT for X.EXT and X.norm for X."""
    return name.replace(".norm", "", 1)


def collect_checks(sdir):
    """{step: [check]}; a check is ("rc", relpath) or ("file", relpath of the
    expected file, relpath of the raw file we must produce, normalised?)"""
    steps = {}
    for dp, dn, fn in os.walk(sdir):
        dn.sort()
        for f in sorted(fn):
            rel = os.path.relpath(os.path.join(dp, f), sdir)
            if rel in ("SCENARIO.sh", "CONFIG") or f.endswith((".cmd", ".md")):
                continue
            if f.endswith(".rc") and "/" not in rel:
                chk = ("rc", rel)
            elif ".norm" in f:
                chk = ("file", rel, os.path.join(os.path.dirname(rel), raw_name(f)), True)
            elif f == "LISTING.txt":
                chk = ("file", rel, rel, False)
            else:
                continue
            steps.setdefault(step_of(rel), []).append(chk)
    return dict(sorted(steps.items()))


# ---------------------------------------------------------------- compare

def sed(script, data):
    r = subprocess.run(["sed", "-E", "-f", os.path.join(LIB, script)], input=data,
                       stdout=subprocess.PIPE, check=True)
    return r.stdout


def normalise(data, expected_norm):
    if not expected_norm:
        data = sed("normalise.sed", data)
    return sed("normalise-local.sed", data)


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def is_queue_file(name):
    return name.startswith(("qf", "df", "xf", "tf", "Qf", "hf"))


def dir_files(d, norm):
    """a snapshot directory's queue files as sorted (normalised name, data)"""
    out = []
    if not os.path.isdir(d):
        return out
    for f in sorted(os.listdir(d)):
        if not is_queue_file(f) or (norm and not f.endswith(".norm")):
            continue
        if not norm and f.endswith(".norm"):
            continue
        data = read(os.path.join(d, f))
        name = sed("normalise-local.sed", raw_name(f).encode()).strip()
        out.append((name, data if norm else normalise(data, False)))
    return sorted(out)


def check_file(sdir, outd, chk):
    """None when equal, else (label, expected bytes, got bytes)"""
    _, rel, rawrel, is_norm = chk
    exp = read(os.path.join(sdir, rel))
    exp = normalise(exp, True) if is_norm else normalise(exp, False)
    got = read(os.path.join(outd, rawrel))
    if got is None:
        return (rawrel, exp, None)
    got = normalise(got, False)
    if os.path.basename(rel) == "LISTING.txt":   # ls order follows the queue ids
        exp, got = sort_lines(exp), sort_lines(got)
    return None if got == exp else (rawrel, exp, got)


def sort_lines(data):
    return b"".join(sorted(data.splitlines(True)))


def check_rc(sdir, outd, chk):
    exp = read(os.path.join(sdir, chk[1]))
    got = read(os.path.join(outd, chk[1]))
    if got is not None and got.strip() == exp.strip():
        return None
    return (chk[1], exp, got)


def check_step(sdir, outd, checks):
    """list of failures of one step"""
    fails = []
    snapdirs = set()
    for chk in checks:
        if chk[0] == "rc":
            r = check_rc(sdir, outd, chk)
        elif "/" in chk[1] and is_queue_file(os.path.basename(chk[1])):
            snapdirs.add(os.path.dirname(chk[1]))
            continue
        else:
            r = check_file(sdir, outd, chk)
        if r:
            fails.append(r)
    for d in sorted(snapdirs):
        exp = dir_files(os.path.join(sdir, d), True)
        got = dir_files(os.path.join(outd, d), False)
        if exp != got:
            fails.append((d + "/", render_dir(exp), render_dir(got)))
    return fails


def render_dir(files):
    return b"".join(b"==> " + n + b" <==\n" + (d or b"") for n, d in files)


def diff_text(label, exp, got, maxlines=60):
    if got is None:
        return "%s: not produced by the run\n" % label
    d = difflib.unified_diff(run_bt.dec(exp).splitlines(True), run_bt.dec(got).splitlines(True),
                             "expected/" + label, "got/" + label, n=2)
    lines = list(d)
    more = "" if len(lines) <= maxlines else "... (%d more diff lines)\n" % (len(lines) - maxlines)
    return "".join(l if l.endswith("\n") else l + "\n" for l in lines[:maxlines]) + more


# ---------------------------------------------------------------- running

def run_cmd(argv, env, timeout):
    """(status, output); the whole process group dies on timeout"""
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                         start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode, run_bt.dec(out)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, _ = p.communicate()
        return None, run_bt.dec(out) + "\n[timed out after %ds]" % timeout


def scenario_env(a):
    env = run_bt.case_env()
    env.update(SENDMAIL_BIN=a.bin, REF=a.ref, SENDMAIL_REF=a.ref)
    if a.tools:
        env["SBX_TOOLS"] = a.tools
    return env


def replay(sdir, a, work, cfdir):
    """run SCENARIO.sh in a fresh sandbox; returns (outdir, error or None)"""
    name = os.path.basename(sdir)
    with open(os.path.join(sdir, "CONFIG")) as f:
        conf = f.read().strip()
    sbx = os.path.join(work, "sbx-" + name)
    outd = os.path.join(work, "out-" + name)
    os.makedirs(outd)
    env = scenario_env(a)
    rc, out = run_cmd(["bash", os.path.join(LIB, "mksbx.sh"), sbx, conf, cfdir], env, 300)
    if rc != 0:
        return outd, "building sandbox %s failed:\n%s" % (conf, out)
    inner = "L=%s OUTD=%s bash %s" % (shlex.quote(LIB), shlex.quote(outd),
                                      shlex.quote(os.path.join(sdir, "SCENARIO.sh")))
    rc, out = run_cmd(["bash", os.path.join(LIB, "sbx.sh"), sbx, inner], env, a.timeout)
    if out.strip():
        sys.stderr.write("# %s: the sandbox said: %s\n" % (name, out.strip()[-800:].replace("\n", "\n# ")))
    if rc is None:
        return outd, "scenario %s timed out" % name
    return outd, None


# ---------------------------------------------------------------- reporting

class Report:
    def __init__(self, a, xfail):
        self.a, self.xfail = a, xfail
        self.n = 0
        self.failed, self.passed = [], []
        self.unexpected, self.fixed = [], []
        self.text = []

    def step(self, sid, fails, err=None):
        self.n += 1
        listed = sid in self.xfail
        if fails or err:
            self.failed.append(sid)
            if not listed:
                self.unexpected.append(sid)
            body = err or "".join(diff_text(*f) for f in fails)
            self.text.append("=== %s\n%s\n" % (sid, body))
        else:
            self.passed.append(sid)
            if listed:
                self.fixed.append(sid)
        if self.a.tap:
            if not (fails or err):
                print("ok %d - %s" % (self.n, sid), flush=True)
                if listed:
                    print("# %s passes now: remove it from %s" % (sid, self.a.expected_failures))
            else:
                print("not ok %d - %s%s" % (self.n, sid, " # TODO expected failure" if listed else ""),
                      flush=True)
        elif fails or err:
            print("FAIL %s%s" % (sid, " (expected)" if listed else ""))
        else:
            print("ok   %s" % sid)
        if (fails or err) and (self.a.diff or (self.a.tap and not listed)):
            sys.stderr.write(self.text[-1] if self.a.diff else
                             "# %s differs: %s\n" % (sid, ", ".join(f[0] for f in fails) or err))

    def finish(self):
        sys.stderr.write("scenario oracle: %d/%d steps identical\n" % (len(self.passed), self.n))
        if self.a.report:
            os.makedirs(os.path.dirname(os.path.abspath(self.a.report)), exist_ok=True)
            with open(self.a.report, "w", errors="surrogateescape") as f:
                f.write("".join(self.text))
            sys.stderr.write("failure report: %s\n" % self.a.report)


# ---------------------------------------------------------------- main

def parse_args():
    p = argparse.ArgumentParser(description="replay oracle queue/logs scenarios with our binaries")
    p.add_argument("scenarios", nargs="+", help="scenario names (q4-aliases-maps) or directories")
    p.add_argument("--bin", default=os.environ.get("SENDMAIL_BIN", os.path.join(REPO, "build/sendmail")),
                   help="sendmail under test (default $SENDMAIL_BIN or build/sendmail)")
    p.add_argument("--tools", default=None,
                   help="directory with our makemap/editmap/praliases (default: $BUILD, else the "
                        "directory of --bin); each one missing there stays the reference's")
    p.add_argument("--ref-tools", action="store_true", help="use the reference's tools")
    p.add_argument("--ref", dest="selfcheck", action="store_true",
                   help="self-check: the reference's sendmail and tools")
    p.add_argument("--reference", dest="ref",
                   default=os.environ.get("SENDMAIL_REF", "/opt/sendmail-ref"))
    p.add_argument("--step", action="append", help="report only steps matching this glob")
    p.add_argument("--tap", action="store_true")
    p.add_argument("--diff", action="store_true", help="print diffs of failing steps")
    p.add_argument("--report", help="write all diffs to this file")
    p.add_argument("--expected-failures", default=os.environ.get("SCENARIO_EXPECTED_FAILURES",
                                                                 DEFAULT_XFAIL))
    p.add_argument("--write-expected-failures", action="store_true")
    p.add_argument("--timeout", type=int, default=600, help="seconds per scenario")
    p.add_argument("--keep", action="store_true", help="keep the scratch directory")
    a = p.parse_args()
    if a.selfcheck:
        a.bin = os.path.join(a.ref, "usr/libexec/sendmail/sendmail")
        a.ref_tools = True
    a.bin = os.path.abspath(a.bin)
    if a.ref_tools:
        a.tools = None
    elif a.tools is None:
        a.tools = os.environ.get("BUILD") or os.path.dirname(a.bin)
    if a.tools:
        a.tools = os.path.abspath(a.tools)
    return a


def prereqs(a, work):
    why = run_bt.check_root() or run_bt.check_namespaces(work)
    if why is None:
        why = run_bt.ensure_ref(a.ref, lambda m: sys.stderr.write(m + "\n"))
    if why is None and not shutil.which("db5.3_dump"):
        why = "db5.3_dump not found (Debian package db5.3-util)"
    if why is None and not (os.path.isfile(a.bin) and os.access(a.bin, os.X_OK)):
        why = "binary under test %s is missing" % a.bin
    return why


def selected(a, sid):
    return not a.step or any(fnmatch.fnmatchcase(sid, g) or fnmatch.fnmatchcase(sid.split("/", 1)[1], g)
                             for g in a.step)


def write_xfail(a, rep, ran):
    keep = [x for x in sorted(run_bt.load_xfail(a.expected_failures)) if x not in ran]
    with open(a.expected_failures, "w") as f:
        f.write("# Steps of test/oracle/{queue,logs} scenarios known to fail with our binaries.\n"
                "# test/oracle/run_scenario.py --tap reports them as \"not ok # TODO\".\n"
                "# Regenerate: test/oracle/run_scenario.py --write-expected-failures SCENARIO...\n")
        for x in sorted(set(keep) | set(rep.failed)):
            f.write(x + "\n")


def main():
    a = parse_args()
    sdirs = [find_scenario(s) for s in a.scenarios]
    plan = [(sd, sid, chks) for sd in sdirs for sid, chks in
            (("%s/%s" % (os.path.basename(sd), k), v) for k, v in collect_checks(sd).items())
            if selected(a, sid)]
    work = tempfile.mkdtemp(prefix="scenario-oracle.", dir="/tmp")
    try:
        why = prereqs(a, work)
        if why:
            print("1..0 # SKIP %s" % why if a.tap else "run_scenario: %s" % why)
            return 0 if a.tap else SKIP
        if a.tap:
            print("1..%d" % len(plan), flush=True)
        return run_all(a, sdirs, plan, work)
    finally:
        if a.keep:
            sys.stderr.write("scratch dir kept: %s\n" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


def run_all(a, sdirs, plan, work):
    sys.stderr.write("sendmail under test: %s; tools: %s\n" % (a.bin, a.tools or "reference"))
    cfdir = os.path.join(work, "cf")
    rc, out = run_cmd(["bash", os.path.join(LIB, "gencf.sh"), cfdir], scenario_env(a), 300)
    rep = Report(a, run_bt.load_xfail(a.expected_failures))
    for sd in sdirs:
        outd, err = (None, out) if rc != 0 else replay(sd, a, work, cfdir)
        for sdir, sid, chks in plan:
            if sdir == sd:
                rep.step(sid, [] if err else check_step(sd, outd, chks), err)
    rep.finish()
    if a.write_expected_failures:
        write_xfail(a, rep, {sid for _, sid, _ in plan})
    return 0 if a.tap or not rep.unexpected else 1


if __name__ == "__main__":
    sys.exit(main())
