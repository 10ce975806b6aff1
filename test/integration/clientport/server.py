#!/usr/bin/env python3
"""A fake SMTP server on 127.0.0.1:25 for clientport/inner.sh: offers
STARTTLS and AUTH; records, per session, the client's address and port,
its EHLO/HELO argument and the commands it sent (STARTTLS refused with
454), into ARGV[1].  Stops after ARGV[2] sessions (or 60 s)."""
import socket, sys

out, want = open(sys.argv[1], "w"), int(sys.argv[2])
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", 25)); ls.listen(5); ls.settimeout(60)
for n in range(want):
    try:
        c, peer = ls.accept()
    except socket.timeout:
        break
    c.settimeout(20)
    f = c.makefile("rwb", buffering=0)
    out.write("session %d from %s port %s\n" % (n + 1, peer[0], "fixed" if peer[1] == 2600 else "any"))
    f.write(b"220 fake.example ESMTP\r\n")
    data = False
    while True:
        line = f.readline()
        if not line:
            break
        cmd = line.rstrip(b"\r\n").decode("latin-1")
        if data:
            if cmd == ".":
                data = False; f.write(b"250 2.0.0 ok\r\n")
            continue
        word = cmd.split(" ")[0].upper()
        out.write("C: %s\n" % (cmd if word in ("EHLO", "HELO", "STARTTLS", "AUTH") else word))
        if word == "EHLO":
            f.write(b"250-fake.example\r\n250-STARTTLS\r\n250-AUTH PLAIN LOGIN\r\n250 ENHANCEDSTATUSCODES\r\n")
        elif word == "STARTTLS":
            f.write(b"454 4.3.3 TLS not available\r\n")
        elif word == "DATA":
            data = True; f.write(b"354 go\r\n")
        elif word == "QUIT":
            f.write(b"221 bye\r\n"); break
        else:
            f.write(b"250 ok\r\n")
    c.close()
    out.flush()
