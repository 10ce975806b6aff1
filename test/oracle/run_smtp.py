#!/usr/bin/env python3
"""Replay the oracle's captured SMTP dialogues with OUR sendmail and compare.

Each case under test/oracle/smtp/shared/NAME (copied from the oracle) has
script.in (the client script of lib/smtpdrive.py), meta.json (config and
mode) and what the reference produced, normalised: transcript.norm.txt (the
C:/S: dialogue and the server's exit status) and syslog.norm.txt (what it
logged).  This runner

  1. generates the .cf files with the reference m4 library (lib/gencf.sh),
  2. builds one sandbox per configuration (lib/mksbx.sh) whose
     /usr/sbin/sendmail is the binary under test, with OUR helpfile
     (cf/helpfile) as /etc/mail/helpfile,
  3. runs every case of that configuration inside it (lib/sbx.sh), one
     sendmail -bs per case, driven by lib/smtpdrive.py as the oracle did:
     pipe (-bs -Am -odq on pipes), msp (-bs -odq: submit.cf), inet:IP (the
     same on a TCP socket whose peer is IP, added to lo); the syslog capture
     is emptied before and saved after each case,
  4. normalises transcript and log (lib/normalise.sed) and compares both
     with the reference's byte for byte, except that replies to HELP are
     compared by reply code only (the help text is the helpfile's, and ours
     is written in our own words).

daemon:IP cases start sendmail -bd -odq (the command of meta.json), wait
for port 25, connect from IP, then stop the daemon (SIGTERM to the pid of
its pid file) and wait for it to exit; a meta.json note "sandbox
/etc/localtime = ZONE" installs that zone for the case.

    test/oracle/run_smtp.py                      # all cases
    test/oracle/run_smtp.py --case 'mail-*' --diff
    test/oracle/run_smtp.py --ref                # harness self-check (reference binary)
    test/oracle/run_smtp.py --tap                # make check (test/integration/smtp-oracle.t)
"""
import argparse
import difflib
import fnmatch
import json
import os
import re
import shlex
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.join(HERE, "lib")
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import run_bt  # noqa: E402
import run_scenario  # noqa: E402

CASES = os.path.join(HERE, "smtp", "shared")
DEFAULT_XFAIL = os.path.join(HERE, "smtp-expected-failures.txt")
HELPFILE = os.path.join(REPO, "cf", "helpfile")
SKIP = 77


def load_cases(globs):
    out = []
    for name in sorted(os.listdir(CASES)):
        d = os.path.join(CASES, name)
        if not os.path.isfile(os.path.join(d, "meta.json")):
            continue
        if globs and not any(fnmatch.fnmatchcase(name, g) for g in globs):
            continue
        with open(os.path.join(d, "meta.json")) as f:
            meta = json.load(f)
        out.append((name, d, meta))
    return out


def drive_cmd(name, d, mode, outd):
    """the shell line that runs one case inside the sandbox"""
    drv = "python3 %s" % shlex.quote(os.path.join(LIB, "smtpdrive.py"))
    pre = "%s %s %s" % (drv, shlex.quote(os.path.join(d, "script.in")),
                        shlex.quote(os.path.join(outd, name)))
    if mode == "pipe":
        return pre + " -- sendmail -bs -Am -odq"
    if mode == "msp":
        return pre + " -- sendmail -bs -odq"
    if mode.startswith("inet:"):
        ip = mode[5:]
        return ("ip addr add %s/32 dev lo 2>/dev/null; %s --src %s %s %s -- sendmail -bs -Am -odq"
                % (ip, drv, ip, shlex.quote(os.path.join(d, "script.in")),
                   shlex.quote(os.path.join(outd, name))))
    if mode.startswith("daemon:"):
        files = "%s %s" % (shlex.quote(os.path.join(d, "script.in")),
                           shlex.quote(os.path.join(outd, name)))
        return daemon_cmd(mode[7:], files, drv)
    return None


PIDFILE = "/run/sendmail/mta/sendmail.pid"


def daemon_cmd(ip, files, drv):
    """sendmail -bd for one connection from ip, stopped by pid afterwards"""
    return ("ip addr add {ip}/32 dev lo 2>/dev/null; "
            "/usr/sbin/sendmail -bd -odq && python3 \"$L/waitport.py\" 127.0.0.1 25 && "
            "sleep 0.3; {drv} --src {ip} --tcp 127.0.0.1:25 {files}; sleep 0.5; "
            "p=$(head -1 {pf}); kill -TERM $p; "
            "for i in $(seq 100); do kill -0 $p 2>/dev/null || break; sleep 0.1; done"
            .format(ip=ip, drv=drv, files=files, pf=PIDFILE))


def localtime(meta):
    """the zone a case's note asks for ("sandbox /etc/localtime = ZONE")"""
    m = re.search(r"/etc/localtime = (\S+)", meta.get("note", ""))
    return m.group(1) if m else None


def inner_script(cases, outd):
    lines = ["set -u", ". \"$L/qhelpers.sh\"", "bash \"$L/postinstall.sh\" >/dev/null 2>&1"]
    if os.path.isfile(HELPFILE):
        lines.append("cp %s /etc/mail/helpfile" % shlex.quote(HELPFILE))
    for name, d, meta in cases:
        cmd = drive_cmd(name, d, meta["mode"], outd)
        if cmd is None:
            continue
        zone = localtime(meta)
        if zone:
            lines.append("cp -P /etc/localtime /tmp/localtime.saved 2>/dev/null; "
                         "ln -sf /usr/share/zoneinfo/%s /etc/localtime" % shlex.quote(zone))
        lines.append("logmark")
        lines.append("timeout 60 bash -c %s >/dev/null 2>&1" % shlex.quote(cmd))
        if zone:
            lines.append("rm -f /etc/localtime; cp -P /tmp/localtime.saved /etc/localtime "
                         "2>/dev/null")
        lines.append("sleep 0.3; cp \"$SBX/log/syslog.raw\" %s"
                     % shlex.quote(os.path.join(outd, name + ".syslog")))
    return "\n".join(lines) + "\n"


HELP_RE = re.compile(r"^C: HELP\b", re.I)


def help_codes(text):
    """replies to HELP reduced to their codes: the text is the helpfile's"""
    out, in_help = [], False
    for ln in text.splitlines(True):
        if ln.startswith("C: "):
            in_help = bool(HELP_RE.match(ln))
            out.append(ln)
        elif in_help and ln.startswith("S: "):
            m = re.match(r"S: (\d{3})[- ](\d\.\d\.\d )?", ln)
            code = (m.group(1) + " " + (m.group(2) or "")).strip() if m else ln
            if ln[6:7] == " ":
                out.append("S: %s <help text>\n" % code)
                in_help = False
        else:
            out.append(ln)
    return "".join(out)


def compare(name, d, outd, ran):
    fails = []
    if not ran:
        return [("run", "", "not run: mode not supported by this harness")]
    for exp_name, got_name in (("transcript.norm.txt", name + ".transcript"),
                               ("syslog.norm.txt", name + ".syslog")):
        exp = run_bt.dec(run_scenario.read(os.path.join(d, exp_name)) or b"")
        raw = run_scenario.read(os.path.join(outd, got_name))
        if raw is None:
            fails.append((exp_name, exp, None))
            continue
        got = run_bt.dec(run_scenario.sed("normalise.sed", raw))
        if exp_name.startswith("transcript"):
            exp, got = help_codes(exp), help_codes(got)
        if exp != got:
            fails.append((exp_name, exp, got))
    return fails


def diff_text(label, exp, got, maxlines=60):
    if got is None:
        return "%s: not produced by the run\n" % label
    lines = list(difflib.unified_diff(exp.splitlines(True), got.splitlines(True),
                                      "expected/" + label, "got/" + label, n=2))
    more = "" if len(lines) <= maxlines else "... (%d more diff lines)\n" % (len(lines) - maxlines)
    return "".join(l if l.endswith("\n") else l + "\n" for l in lines[:maxlines]) + more


class Report(run_scenario.Report):
    def case(self, name, fails):
        self.step(name, [(l, e.encode("utf-8", "surrogateescape"),
                          None if g is None else g.encode("utf-8", "surrogateescape"))
                         for l, e, g in fails])

    def finish(self):
        sys.stderr.write("smtp oracle: %d/%d cases identical\n" % (len(self.passed), self.n))
        if self.a.report:
            os.makedirs(os.path.dirname(os.path.abspath(self.a.report)), exist_ok=True)
            with open(self.a.report, "w") as f:
                f.write("".join(self.text))
            sys.stderr.write("failure report: %s\n" % self.a.report)


def run_config(a, conf, cases, work, cfdir):
    sbx = os.path.join(work, "sbx-" + conf)
    outd = os.path.join(work, "out-" + conf)
    os.makedirs(outd)
    env = run_scenario.scenario_env(a)
    rc, out = run_scenario.run_cmd(["bash", os.path.join(LIB, "mksbx.sh"), sbx, conf, cfdir],
                                   env, 300)
    if rc != 0:
        return outd, "building sandbox %s failed:\n%s" % (conf, out)
    script = os.path.join(work, "inner-%s.sh" % conf)
    with open(script, "w") as f:
        f.write(inner_script(cases, outd))
    inner = "L=%s OUTD=%s bash %s" % (shlex.quote(LIB), shlex.quote(outd), shlex.quote(script))
    rc, out = run_scenario.run_cmd(["bash", os.path.join(LIB, "sbx.sh"), sbx, inner], env,
                                   a.timeout)
    if rc is None:
        return outd, "config %s timed out" % conf
    return outd, None


def parse_args():
    p = argparse.ArgumentParser(description="replay the oracle's SMTP dialogues with our sendmail")
    p.add_argument("--bin", default=os.environ.get("SENDMAIL_BIN", os.path.join(REPO, "build/sendmail")))
    p.add_argument("--ref", dest="selfcheck", action="store_true",
                   help="self-check: run the reference's sendmail")
    p.add_argument("--reference", dest="ref",
                   default=os.environ.get("SENDMAIL_REF", "/opt/sendmail-ref"))
    p.add_argument("--case", action="append", help="only cases matching this glob")
    p.add_argument("--tap", action="store_true")
    p.add_argument("--diff", action="store_true")
    p.add_argument("--report")
    p.add_argument("--expected-failures", default=os.environ.get("SMTP_EXPECTED_FAILURES",
                                                                 DEFAULT_XFAIL))
    p.add_argument("--write-expected-failures", action="store_true")
    p.add_argument("--timeout", type=int, default=900, help="seconds per configuration")
    p.add_argument("--keep", action="store_true")
    a = p.parse_args()
    if a.selfcheck:
        a.bin = os.path.join(a.ref, "usr/libexec/sendmail/sendmail")
    a.bin = os.path.abspath(a.bin)
    a.tools = None
    return a


def main():
    a = parse_args()
    cases = load_cases(a.case)
    work = tempfile.mkdtemp(prefix="smtp-oracle.", dir="/tmp")
    try:
        why = run_scenario.prereqs(a, work)
        if why:
            print("1..0 # SKIP %s" % why if a.tap else "run_smtp: %s" % why)
            return 0 if a.tap else SKIP
        if a.tap:
            print("1..%d" % len(cases), flush=True)
        return run_all(a, cases, work)
    finally:
        if a.keep:
            sys.stderr.write("scratch dir kept: %s\n" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


def run_all(a, cases, work):
    sys.stderr.write("sendmail under test: %s\n" % a.bin)
    cfdir = os.path.join(work, "cf")
    rc, out = run_scenario.run_cmd(["bash", os.path.join(LIB, "gencf.sh"), cfdir],
                                   run_scenario.scenario_env(a), 300)
    rep = Report(a, run_bt.load_xfail(a.expected_failures))
    byconf = {}
    for c in cases:
        byconf.setdefault(c[2]["config"], []).append(c)
    results = {}
    for conf, cs in sorted(byconf.items()):
        outd, err = (None, out) if rc != 0 else run_config(a, conf, cs, work, cfdir)
        for name, d, meta in cs:
            ran = drive_cmd(name, d, meta["mode"], outd or "") is not None
            results[name] = [("run", "", err)] if err else compare(name, d, outd, ran)
    for name, d, meta in cases:
        rep.case(name, results[name])
    rep.finish()
    if a.write_expected_failures:
        with open(a.expected_failures, "w") as f:
            f.write("# Cases of test/oracle/smtp/shared known to fail with our sendmail.\n"
                    "# test/oracle/run_smtp.py --tap reports them as \"not ok # TODO\".\n"
                    "# Regenerate: test/oracle/run_smtp.py --write-expected-failures\n")
            for x in sorted(rep.failed):
                f.write(x + "\n")
    return 0 if a.tap or not rep.unexpected else 1


if __name__ == "__main__":
    sys.exit(main())
