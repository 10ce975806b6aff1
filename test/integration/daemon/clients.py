#!/usr/bin/env python3
"""SMTP clients for daemon.t (run inside the sandbox).

  clients.py load PORT NCLIENTS NMSGS   NCLIENTS threads at once, each sending
                                        NMSGS messages to boxK@example.com, one
                                        connection each; prints "token code"
                                        per message
  clients.py one PORT TOKEN             one message; prints the replies
  clients.py mdc PORT                   MaxDaemonChildren=2: two sessions held
                                        open, a third connection, then a fourth
                                        after they closed; prints one line each
  clients.py probe PORT [WAIT]          one connection (retried for WAIT seconds
                                        while refused): "refused" or the
                                        greeting's code
  clients.py idle PORT                  EHLO, MAIL, then silence: "closed" when
                                        the server drops the session within
                                        20 s (nothing sent), else "open"
  clients.py term PORT PIDFILE          a session that is half way through when
                                        the daemon gets SIGTERM, then finishes;
                                        prints the replies and the pids involved
"""
import os
import signal
import socket
import sys
import threading
import time


class Client:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.f = self.s.makefile("rb")

    def reply(self):
        lines = []
        while True:
            ln = self.f.readline()
            if not ln:
                return "EOF"
            lines.append(ln.decode("latin-1").rstrip("\r\n"))
            if len(ln) < 4 or ln[3:4] != b"-":
                return lines[-1]

    def cmd(self, line):
        self.s.sendall(line.encode() + b"\r\n")
        return self.reply()

    def close(self):
        self.f.close()
        self.s.close()


def message(c, token, rcpt):
    """a transaction after the greeting; the code of the reply to the dot"""
    for line in ("EHLO client.example.org", "MAIL FROM:<sender@example.org>",
                 "RCPT TO:<%s@example.com>" % rcpt):
        r = c.cmd(line)
        if not r.startswith("250"):
            return r
    r = c.cmd("DATA")
    if not r.startswith("354"):
        return r
    c.s.sendall(("Subject: %s\r\n\r\ntoken=%s\r\n.\r\n" % (token, token)).encode())
    return c.reply()


def send_one(port, token, rcpt):
    try:
        c = Client(port)
        g = c.reply()
        r = message(c, token, rcpt) if g.startswith("220") else g
        c.cmd("QUIT")
        c.close()
        return r[:3]
    except OSError as e:
        return "ERR:%s" % e.__class__.__name__


def load(port, nclients, nmsgs):
    out, lock = [], threading.Lock()
    start = threading.Event()

    def worker(k):
        start.wait()
        for m in range(nmsgs):
            tok = "c%d-m%d" % (k, m)
            code = send_one(port, tok, "box%d" % k)
            with lock:
                out.append("%s %s" % (tok, code))

    ts = [threading.Thread(target=worker, args=(k,)) for k in range(nclients)]
    for t in ts:
        t.start()
    start.set()
    for t in ts:
        t.join()
    print("\n".join(sorted(out)))


def mdc(port):
    held = []
    for i in range(2):
        c = Client(port)
        print("client%d %s" % (i + 1, c.reply()[:3]))
        held.append(c)
    time.sleep(1)
    try:
        c = Client(port)
        print("client3 " + c.reply()[:3])
        c.close()
    except ConnectionRefusedError:
        print("client3 refused")
    for c in held:
        c.cmd("QUIT")
        c.close()
    # the sockets open again once the children are gone (the reference
    # looks again after some seconds)
    t0 = time.time()
    for _ in range(600):
        try:
            c = Client(port)
            break
        except ConnectionRefusedError:
            time.sleep(0.1)
    sys.stderr.write("client4 waited %.1f s\n" % (time.time() - t0))
    print("client4 " + c.reply()[:3])
    c.cmd("QUIT")
    c.close()


def probe(port, wait):
    end = time.time() + wait
    while True:
        try:
            c = Client(port)
            break
        except ConnectionRefusedError:
            if time.time() >= end:
                print("refused")
                return
            time.sleep(0.1)
    print(c.reply()[:3])
    c.cmd("QUIT")
    c.close()


def idle(port):
    c = Client(port)
    c.reply()
    c.cmd("EHLO client.example.org")
    c.cmd("MAIL FROM:<sender@example.org>")
    c.s.settimeout(20)
    try:
        print("closed" if c.s.recv(100) == b"" else "sent something")
    except socket.timeout:
        print("open")
    c.close()


def children_of(pid):
    kids = []
    for p in os.listdir("/proc"):
        try:
            with open("/proc/%s/stat" % p) as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                    kids.append(int(p))
        except (OSError, ValueError, IndexError):
            pass
    return kids


def term(port, pidfile):
    daemon = int(open(pidfile).read().split()[0])
    c = Client(port)
    print("greeting " + c.reply()[:3])
    print("ehlo " + c.cmd("EHLO client.example.org")[:3])
    kids = children_of(daemon)
    os.kill(daemon, signal.SIGTERM)
    time.sleep(1)
    print("daemon-after-term %s" % ("alive" if os.path.exists("/proc/%d" % daemon) else "gone"))
    print("mail " + c.cmd("MAIL FROM:<sender@example.org>")[:3])
    print("rcpt " + c.cmd("RCPT TO:<alice@example.com>")[:3])
    print("data " + c.cmd("DATA")[:3])
    c.s.sendall(b"Subject: during-term\r\n\r\ntoken=during-term\r\n.\r\n")
    print("dot " + c.reply()[:3])
    print("quit " + c.cmd("QUIT")[:3])
    c.close()
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        print("port open")
    except ConnectionRefusedError:
        print("port closed")
    print("pids %d %s" % (daemon, " ".join(map(str, kids))))


def main():
    what, port = sys.argv[1], int(sys.argv[2])
    if what == "load":
        load(port, int(sys.argv[3]), int(sys.argv[4]))
    elif what == "one":
        print(send_one(port, sys.argv[3], "alice"))
    elif what == "mdc":
        mdc(port)
    elif what == "probe":
        probe(port, float(sys.argv[3]) if len(sys.argv) > 3 else 0)
    elif what == "idle":
        idle(port)
    elif what == "term":
        term(port, sys.argv[3])


if __name__ == "__main__":
    main()
