#!/usr/bin/env python3
"""mailq / sendmail -bp against the oracle's captured queue listings.

The oracle's queue scenarios (test/oracle/queue/q1..q3) snapshot the queue
directory (NN-name/ with the raw qf/df files the reference wrote) and then
list it (mailq, mailq -v, sendmail -bp -v, -qR/-qS/-qI, -Ac, -bP, a
non-root mailq).  This runner puts each snapshot back into a fresh sandbox
queue (lib/mksbx.sh, the seed configuration, the binary under test as
/usr/sbin/sendmail), runs the same listing command, normalises the output
(lib/normalise.sed, lib/normalise-local.sed) and compares it and the exit
status with the captured step, byte for byte.  It needs no submission: the
queue files are the reference's.

    test/oracle/run_mailq.py [--bin build/sendmail] [--tap] [--diff]
    test/oracle/run_mailq.py --ref          # harness self-check
"""
import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.join(HERE, "lib")
QDIR = os.path.join(HERE, "queue")
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import run_bt  # noqa: E402
import run_scenario  # noqa: E402

MQ = "/var/spool/mqueue"
CMQ = "/var/spool/clientmqueue"
# (step with the expected .norm.out/.rc, snapshot restored first (or None:
#  empty queue), the queue it goes to, the command)
CASES = [
    ("q1-mta-queue/01-mailq-empty", None, MQ, "mailq"),
    ("q1-mta-queue/02-bp-empty", None, MQ, "sendmail -bp"),
    ("q1-mta-queue/03-mailq-v-empty", None, MQ, "mailq -v"),
    ("q1-mta-queue/06-mailq-one", "q1-mta-queue/05-queue-after-one", MQ, "mailq"),
    ("q1-mta-queue/14-mailq-several", "q1-mta-queue/13-queue-several", MQ, "mailq"),
    ("q1-mta-queue/15-mailq-v-several", "q1-mta-queue/13-queue-several", MQ, "mailq -v"),
    ("q1-mta-queue/16-bp-v-several", "q1-mta-queue/13-queue-several", MQ, "sendmail -bp -v"),
    ("q1-mta-queue/17-mailq-qR-alice", "q1-mta-queue/13-queue-several", MQ, "mailq -qRalice"),
    ("q1-mta-queue/18-mailq-qS-bob", "q1-mta-queue/13-queue-several", MQ, "mailq -qSbob"),
    ("q1-mta-queue/19-mailq-qI-nomatch", "q1-mta-queue/13-queue-several", MQ, "mailq -qIzzzz"),
    ("q1-mta-queue/20-mailq-Ac-msp-empty", "q1-mta-queue/13-queue-several", MQ, "mailq -Ac"),
    ("q1-mta-queue/21-mailq-bP", "q1-mta-queue/13-queue-several", MQ, "sendmail -bP"),
    ("q1-mta-queue/22-mailq-q-not-root", "q1-mta-queue/13-queue-several", MQ,
     "setpriv --reuid=1001 --regid=1001 --clear-groups /usr/bin/mailq"),
    ("q1-mta-queue/26-mailq-deferred", "q1-mta-queue/25-queue-after-run", MQ, "mailq"),
    ("q1-mta-queue/27-mailq-v-deferred", "q1-mta-queue/25-queue-after-run", MQ, "mailq -v"),
    ("q1-mta-queue/31-mailq-after-warn", "q1-mta-queue/30-queue-after-warn", MQ, "mailq"),
    ("q2-msp-queue/03-mailq-Ac", "q2-msp-queue/02-clientmqueue", CMQ, "mailq -Ac"),
    ("q2-msp-queue/04-mailq-Ac-v", "q2-msp-queue/02-clientmqueue", CMQ, "mailq -Ac -v"),
    ("q2-msp-queue/05-mailq-mta", "q2-msp-queue/02-clientmqueue", CMQ, "mailq"),
    ("q3-smarthost/03-mailq", "q3-smarthost/02-queue-after-send", MQ, "mailq"),
    ("q3-smarthost/04-mailq-v", "q3-smarthost/02-queue-after-send", MQ, "mailq -v"),
    ("q3-smarthost/07-mailq-refused", "q3-smarthost/08-queue-after-refused", MQ, "mailq"),
]


def is_raw_queue_file(name):
    return name[:2] in ("qf", "df", "hf") and ".norm" not in name


def driver(outd):
    """the shell script run inside the sandbox: one block per case"""
    lines = ["set -u", "bash %s >/dev/null 2>&1" % shlex.quote(os.path.join(LIB, "postinstall.sh"))]
    for i, (step, snap, q, cmd) in enumerate(CASES):
        owner = "smmsp:smmsp" if q == CMQ else "root:mail"
        lines.append("rm -f %s/* %s/* 2>/dev/null" % (MQ, CMQ))
        if snap:
            src = os.path.join(QDIR, snap)
            files = sorted(f for f in os.listdir(src) if is_raw_queue_file(f))
            for f in files:
                lines.append("cp %s %s/ && chown %s %s/%s && chmod %s %s/%s" % (
                    shlex.quote(os.path.join(src, f)), q, owner, q, f,
                    "0660" if q == CMQ else "0600", q, f))
        out = os.path.join(outd, "%d.out" % i)
        lines.append("( %s ) > %s 2>&1; echo $? > %s.rc" % (cmd, shlex.quote(out), shlex.quote(out)))
    return "\n".join(lines) + "\n"


def sanitized(path):
    """a sanitizer build: LeakSanitizer cannot run in a set-id process of
    another user (the non-root case), whatever ASAN_OPTIONS say"""
    with open(path, "rb") as f:
        return b"__asan_init" in f.read()


def compare(i, step, outd):
    exp = run_scenario.read(os.path.join(QDIR, step + ".norm.out")) or b""
    exp = run_scenario.normalise(exp, True)
    got = run_scenario.read(os.path.join(outd, "%d.out" % i))
    erc = (run_scenario.read(os.path.join(QDIR, step + ".rc")) or b"").strip()
    grc = (run_scenario.read(os.path.join(outd, "%d.out.rc" % i)) or b"").strip()
    if got is None:
        return "no output"
    got = run_scenario.normalise(got, False)
    why = []
    if got != exp:
        why.append(run_scenario.diff_text(step + ".out", exp, got))
    if grc != erc:
        why.append("exit status %s, expected %s\n" % (grc.decode(), erc.decode()))
    return "".join(why) or None


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin", default=os.environ.get("SENDMAIL_BIN", os.path.join(REPO, "build/sendmail")))
    p.add_argument("--reference", dest="ref", default=os.environ.get("SENDMAIL_REF", "/opt/sendmail-ref"))
    p.add_argument("--ref", dest="selfcheck", action="store_true", help="run the reference itself")
    p.add_argument("--tap", action="store_true")
    p.add_argument("--diff", action="store_true")
    p.add_argument("--keep", action="store_true")
    a = p.parse_args()
    if a.selfcheck:
        a.bin = os.path.join(a.ref, "usr/libexec/sendmail/sendmail")
    a.bin = os.path.abspath(a.bin)
    work = tempfile.mkdtemp(prefix="mailq-oracle.", dir="/tmp")
    try:
        why = run_bt.check_root() or run_bt.check_namespaces(work) or \
            run_bt.ensure_ref(a.ref, lambda m: sys.stderr.write(m + "\n"))
        if why is None and not os.access(a.bin, os.X_OK):
            why = "binary under test %s is missing" % a.bin
        if why:
            print("1..0 # SKIP %s" % why if a.tap else "run_mailq: %s" % why)
            return 0 if a.tap else 77
        return run(a, work)
    finally:
        if a.keep:
            sys.stderr.write("scratch dir kept: %s\n" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


def run(a, work):
    env = run_bt.case_env()
    env.update(SENDMAIL_BIN=a.bin, REF=a.ref, SENDMAIL_REF=a.ref)
    cfdir, sbx, outd = (os.path.join(work, d) for d in ("cf", "sbx", "out"))
    os.makedirs(outd)
    for argv in (["bash", os.path.join(LIB, "gencf.sh"), cfdir],
                 ["bash", os.path.join(LIB, "mksbx.sh"), sbx, "seed", cfdir]):
        rc, out = run_scenario.run_cmd(argv, env, 300)
        if rc != 0:
            print("Bail out! %s failed: %s" % (argv[1], out[-500:]))
            return 1
    script = os.path.join(work, "driver.sh")
    with open(script, "w") as f:
        f.write(driver(outd))
    rc, out = run_scenario.run_cmd(["bash", os.path.join(LIB, "sbx.sh"), sbx, "bash " + script], env, 300)
    if out.strip():
        sys.stderr.write("# the sandbox said: %s\n" % out.strip()[-800:].replace("\n", "\n# "))
    failed = 0
    san = sanitized(a.bin)
    if a.tap:
        print("1..%d" % len(CASES))
    for i, (step, _, _, cmd) in enumerate(CASES):
        label = "%s (%s)" % (step, cmd.split("/")[-1])
        if san and cmd.startswith("setpriv"):
            print("ok %d - %s # SKIP sanitizer build run set-id by another user" % (i + 1, label)
                  if a.tap else "skip %s (sanitizer build)" % label)
            continue
        why = compare(i, step, outd)
        failed += why is not None
        if a.tap:
            print("%s %d - %s" % ("not ok" if why else "ok", i + 1, label))
        else:
            print("%s %s" % ("FAIL" if why else "ok  ", label))
        if why and (a.diff or a.tap):
            sys.stderr.write("".join("# " + l + "\n" for l in why.splitlines()))
    sys.stderr.write("mailq oracle: %d/%d identical\n" % (len(CASES) - failed, len(CASES)))
    return 0 if a.tap or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
