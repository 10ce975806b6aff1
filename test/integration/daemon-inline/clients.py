"""clients.py PORT BOXDIR -- the sessions of daemon-inline.t, one after
another; prints one line per observation ("NAME KEY VALUE")."""
import os, socket, sys, time

PORT, BOX = int(sys.argv[1]), sys.argv[2]


def count(k):
    try:
        with open(os.path.join(BOX, str(k))) as f:
            return sum(1 for l in f if l.startswith("token="))
    except OSError:
        return -1


def wait_box(k, n=1, secs=10):
    t = time.time() + secs
    while time.time() < t:
        if count(k) >= n:
            return True
        time.sleep(0.05)
    return False


class C:
    def __init__(self):
        self.s = socket.create_connection(("127.0.0.1", PORT), timeout=20)
        self.f = self.s.makefile("rb")
        self.reply()

    def reply(self):
        while True:
            l = self.f.readline()
            if not l:
                return "eof"
            if l[3:4] != b"-":
                return l[:3].decode()

    def cmd(self, line):
        self.s.sendall(line.encode() + b"\r\n")
        return self.reply()

    def message(self, rcpts, token):
        self.cmd("EHLO client.example.com")
        r = [self.cmd("MAIL FROM:<sender@example.com>")]
        r += [self.cmd("RCPT TO:<%s>" % x) for x in rcpts]
        r.append(self.cmd("DATA"))
        self.s.sendall(("Subject: %s\r\n\r\ntoken=%s\r\n.\r\n" % (token, token)).encode())
        r.append(self.reply())
        return " ".join(r)


def out(*a):
    print(*a, flush=True)


# 1. QUIT right after the 250: 221, the connection closed, delivered
c = C()
out("quit", "dialogue", c.message(["m1"], "quit"))
out("quit", "221", c.cmd("QUIT"))
out("quit", "closed", c.reply())
out("quit", "delivered", wait_box(1))

# 2. a hang-up right after the 250: delivered
c = C()
out("hangup", "dialogue", c.message(["m2"], "hangup"))
c.f.close()
c.s.close()
out("hangup", "delivered", wait_box(2))

# 3. the next MAIL right after the 250: both delivered
c = C()
out("next", "dialogue", c.message(["m3"], "next1"))
out("next", "dialogue2", c.message(["m3"], "next2"))
out("next", "221", c.cmd("QUIT"))
out("next", "delivered", wait_box(3, 2))

# 4. silence after the 250: delivered while the session is still open
c = C()
out("silent", "dialogue", c.message(["m4"], "silent"))
out("silent", "delivered-before-quit", wait_box(4))
out("silent", "221", c.cmd("QUIT"))

# 5. half a QUIT, then silence: delivery does not wait for the rest
c = C()
out("half", "dialogue", c.message(["m5"], "half"))
c.s.sendall(b"QU")
out("half", "delivered-before-rest", wait_box(5))
out("half", "221", c.cmd("IT"))

# 6. QUIT at once, two recipients: a file the default user cannot write
#    (fails) and one it can (written: the ids are back after the first)
c = C()
out("perm", "dialogue", c.message(["rootonly", "m6"], "perm"))
out("perm", "221", c.cmd("QUIT"))
out("perm", "delivered", wait_box(6))
