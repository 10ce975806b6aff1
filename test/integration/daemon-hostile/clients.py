#!/usr/bin/env python3
"""Hostile and well-behaved SMTP clients for daemon-hostile.t (run inside
the sandbox against a daemon on 127.0.0.1:PORT).  Each prints what it got
(replies, queue ids masked) on stdout; timings go to stderr as "# ..." lines.

  clients.py good PORT TOKEN       one message to bob; "TOKEN CODE SECONDS"
  clients.py slow PORT             a whole transaction sent one byte per
                                   second (MAIL, RCPT, DATA, the message)
  clients.py longline PORT         command lines of 2048 bytes (fine), 2049
                                   bytes and 1 MB (too long: 421, closed)
  clients.py longdata PORT         DATA with a 1 MB header line, then a 1 MB
                                   body line (over MaxMessageSize), then a
                                   message that fits ("token=after-longdata")
  clients.py rcpts PORT N EXTRA    N+EXTRA pipelined RCPTs uK@example.org,
                                   then a message ("token=rcpts"); replies
                                   counted by text
  clients.py stall PORT            DATA, half a message, then silence until
                                   stdin closes, then the connection is closed
  clients.py vanish PORT LINES HOW DATA, LINES body lines, then the client
                                   vanishes (HOW: close, or rst)
  clients.py sink ADDR PORT DIR    an SMTP server taking anything; each
                                   message's recipients and body in DIR
"""
import os
import re
import socket
import struct
import sys
import threading
import time

QID = re.compile(rb"[0-9A-Za-x]{8}[0-9]{6}")


class Client:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=120)
        self.f = self.s.makefile("rb")

    def reply(self):
        """the last line of one reply ("EOF" when the server went: whether
        a client still sending sees the end or a reset is a race)"""
        while True:
            try:
                ln = self.f.readline()
            except ConnectionResetError:
                return "EOF"
            if not ln:
                return "EOF"
            if len(ln) < 4 or ln[3:4] != b"-":
                return QID.sub(b"QID", ln).decode("latin-1").rstrip("\r\n")

    def send(self, data):
        """send in a thread: the server may stop reading (and reply) first"""
        def run():
            try:
                self.s.sendall(data)
            except OSError:
                pass
        t = threading.Thread(target=run, daemon=True)
        t.start()
        return t

    def cmd(self, line, show=True):
        t = self.send(line.encode() + b"\r\n")
        r = self.reply()
        t.join(30)
        if show:
            print("%s -> %s" % (line if len(line) < 60 else "%s...(%d)" % (line[:20], len(line)), r),
                  flush=True)
        return r

    def close(self):
        self.f.close()
        self.s.close()


def txn(c, rcpt, body, show=True):
    """MAIL, RCPT, DATA and a message; the reply to the dot"""
    for line in ("MAIL FROM:<sender@example.org>", "RCPT TO:<%s>" % rcpt):
        r = c.cmd(line, show)
        if not r.startswith("250"):
            return r
    r = c.cmd("DATA", show)
    if not r.startswith("354"):
        return r
    c.s.sendall(body)
    r = c.reply()
    if show:
        print("<message of %d bytes> -> %s" % (len(body), r), flush=True)
    return r


def good(port, token):
    t0 = time.time()
    try:
        c = Client(port)
        g = c.reply()
        r = g
        if g.startswith("220") and c.cmd("EHLO good.example.org", False).startswith("250"):
            r = txn(c, "bob@example.com",
                    ("Subject: %s\r\n\r\ntoken=%s\r\n.\r\n" % (token, token)).encode(), False)
        c.cmd("QUIT", False)
        c.close()
    except OSError as e:
        r = "ERR:%s" % e.__class__.__name__
    print("%s %s %.2f" % (token, r[:3], time.time() - t0), flush=True)


def slow(port):
    c = Client(port)
    print("greeting -> %s" % c.reply()[:3], flush=True)
    t0 = time.time()
    for chunk, wait in ((b"MAIL FROM:<>\r\n", True), (b"RCPT TO:<dave>\r\n", True),
                        (b"DATA\r\n", True), (b"token=slow\r\n.\r\n", True)):
        for i in range(len(chunk)):
            c.s.sendall(chunk[i:i + 1])
            time.sleep(1)
        print("%s -> %s" % (chunk.decode().split("\r")[0], c.reply()), flush=True)
    print("# slow transaction took %.0f s" % (time.time() - t0), file=sys.stderr)
    c.cmd("QUIT")
    c.close()


def longline(port):
    c = Client(port)
    c.reply()
    c.cmd("EHLO long.example.org")
    c.cmd("NOOP " + "x" * 2041)        # 2048 bytes with CRLF
    c.cmd("NOOP " + "x" * 2042)        # 2049
    c.close()
    c = Client(port)
    c.reply()
    c.cmd("EHLO long.example.org")
    c.cmd("NOOP " + "x" * (1 << 20))   # 1 MB
    c.cmd("NOOP")
    c.close()


def longdata(port):
    c = Client(port)
    c.reply()
    c.cmd("EHLO long.example.org")
    txn(c, "bob@example.com", b"Subject: " + b"y" * (1 << 20) + b"\r\n\r\nbody\r\n.\r\n")
    txn(c, "bob@example.com", b"Subject: x\r\n\r\n" + b"z" * (1 << 20) + b"\r\n.\r\n")
    txn(c, "bob@example.com", b"Subject: fits\r\n\r\n" + b"w" * 2000 +
        b"\r\ntoken=after-longdata\r\n.\r\n")
    c.cmd("QUIT")
    c.close()


def rcpts(port, n, extra):
    c = Client(port)
    c.reply()
    c.cmd("EHLO many.example.org")
    c.cmd("MAIL FROM:<sender@example.org>")
    t0 = time.time()
    t = c.send(b"".join(b"RCPT TO:<u%d@example.org>\r\n" % i for i in range(n + extra)))
    counts = {}
    order = []
    for i in range(n + extra):
        r = re.sub(r"<u\d+@", "<uN@", c.reply())
        if r not in counts:
            order.append(r)
        counts[r] = counts.get(r, 0) + 1
        if r == "EOF":
            break
    t.join(30)
    print("# %d RCPTs answered in %.2f s" % (n + extra, time.time() - t0), file=sys.stderr)
    for r in order:
        print("%d x %s" % (counts[r], r))
    t0 = time.time()
    r = c.cmd("DATA")
    if r.startswith("354"):
        c.s.sendall(b"Subject: many\r\n\r\ntoken=rcpts\r\n.\r\n")
        print("<message> -> %s" % c.reply(), flush=True)
    print("# DATA to the 250 took %.2f s" % (time.time() - t0), file=sys.stderr)
    c.cmd("QUIT")
    c.close()


def start_data(port, lines):
    c = Client(port)
    c.reply()
    c.cmd("EHLO gone.example.org")
    c.cmd("MAIL FROM:<sender@example.org>")
    c.cmd("RCPT TO:<carol@example.com>")
    c.cmd("DATA")
    c.s.sendall(b"Subject: cut\r\n\r\n" + b"line of a message that never ends\r\n" * lines)
    return c


def stall(port):
    c = start_data(port, 10)
    print("stalled", flush=True)
    sys.stdin.read()
    c.close()


def vanish(port, lines, how):
    c = start_data(port, lines)
    time.sleep(0.5)
    if how == "rst":
        c.s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    c.close()


def sink_session(conn, d, n):
    f = conn.makefile("rwb", buffering=0)
    rc = []
    body = []
    indata = False
    f.write(b"220 sink.example.net ESMTP\r\n")
    for line in f:
        if indata:
            if line == b".\r\n":
                indata = False
                with open(os.path.join(d, "msg%d-%d" % (n, len(os.listdir(d)))), "wb") as o:
                    o.write(b"".join(b"R:" + r + b"\n" for r in rc) + b"".join(body))
                rc, body = [], []
                f.write(b"250 2.0.0 ok\r\n")
            else:
                body.append(line)
            continue
        cmd = line[:4].upper()
        if cmd == b"EHLO":
            f.write(b"250-sink.example.net\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
        elif cmd == b"RCPT":
            rc.append(line[8:].strip())
            f.write(b"250 2.1.5 ok\r\n")
        elif cmd == b"DATA":
            indata = True
            f.write(b"354 go on\r\n")
        elif cmd == b"QUIT":
            f.write(b"221 2.0.0 bye\r\n")
            break
        else:
            f.write(b"250 2.0.0 ok\r\n")
    conn.close()


def sink(addr, port, d):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port))
    s.listen(8)
    n = 0
    while True:
        conn, _ = s.accept()
        n += 1
        threading.Thread(target=sink_session, args=(conn, d, n), daemon=True).start()


def main():
    a = sys.argv[1:]
    if a[0] == "good":
        good(int(a[1]), a[2])
    elif a[0] == "slow":
        slow(int(a[1]))
    elif a[0] == "longline":
        longline(int(a[1]))
    elif a[0] == "longdata":
        longdata(int(a[1]))
    elif a[0] == "rcpts":
        rcpts(int(a[1]), int(a[2]), int(a[3]))
    elif a[0] == "stall":
        stall(int(a[1]))
    elif a[0] == "vanish":
        vanish(int(a[1]), int(a[2]), a[3])
    elif a[0] == "sink":
        sink(a[1], int(a[2]), a[3])


if __name__ == "__main__":
    main()
