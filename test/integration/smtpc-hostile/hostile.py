#!/usr/bin/env python3
"""A misbehaving SMTP server for smtpc-hostile.t: listens on 127.0.0.1:PORT,
serves connections one after another, behaving as MODE says:
  ok         a normal server (accepts everything)
  longline   greeting line of 100000 bytes, then normal
  longreply  EHLO reply whose lines are 20000 bytes each, then normal
  endless    a multi-line greeting that never ends ("220-" lines for ever)
  badcode    greeting without a reply code
  garbage    binary bytes and NULs instead of a greeting, then close
  drop-greeting / drop-ehlo / drop-mail / drop-rcpt / drop-data / drop-dot
             close the connection at that point
  slow       accept and say nothing
  slow-dot   take the message, never answer the final dot
  421        greeting 421
  reject     RCPT answered 550 5.1.1
  starttls   offers STARTTLS and does TLS (certificate and key: CERT KEY)
  tlsrefuse  offers STARTTLS, answers it 454
  tlsfail    offers STARTTLS, answers 220, then sends no TLS but text
Each received line goes to LOG."""
import socket, ssl, sys, time

mode, port, logf = sys.argv[1], int(sys.argv[2]), open(sys.argv[3], "ab", buffering=0)
cert = sys.argv[4:6]


def session(c):
    f = c.makefile("rwb", buffering=0)
    tls = False

    def out(s):
        f.write(s if isinstance(s, bytes) else s.encode() + b"\r\n")

    def line():
        l = f.readline(65536)
        logf.write(b"C: " + l)
        return l

    if mode == "drop-greeting":
        return
    if mode == "slow":
        time.sleep(30)
        return
    if mode == "endless":
        try:
            while True:
                out("220-still greeting you")
        except OSError:
            return
    if mode == "badcode":
        out("hello there, no code here")
    elif mode == "garbage":
        out(b"\x00\x01\xff\xfe" * 1000)
        return
    elif mode == "421":
        out("421 4.3.2 too busy, go away")
    elif mode == "longline":
        out("220-" + "x" * 100000)
        out("220 fine after all")
    else:
        out("220 hostile.example ESMTP")
    indata = False
    while True:
        l = line()
        if not l:
            return
        if indata:
            if l.rstrip(b"\r\n") == b".":
                indata = False
                if mode == "drop-dot":
                    return
                if mode == "slow-dot":
                    time.sleep(30)
                    return
                out("250 2.0.0 accepted")
            continue
        cmd = l.strip().upper()
        if cmd.startswith(b"EHLO"):
            if mode == "drop-ehlo":
                return
            if mode == "longreply":
                out("250-" + "y" * 20000)
                out("250-PIPELINING " + "z" * 20000)
            out("250-hostile.example")
            if mode.startswith("tls") or (mode == "starttls" and not tls):
                out("250-STARTTLS")
            out("250 PIPELINING")
        elif cmd == b"STARTTLS":
            if mode == "tlsrefuse":
                out("454 4.7.0 TLS not available now")
                continue
            out("220 2.0.0 ready to start TLS")
            if mode == "tlsfail":
                out("this is not a TLS handshake at all")
                return
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(cert[0], cert[1])
            c = ctx.wrap_socket(c, server_side=True)
            f = c.makefile("rwb", buffering=0)
            tls = True
            logf.write(b"TLS: " + c.version().encode() + b"\n")
        elif cmd.startswith(b"HELO"):
            out("250 hostile.example")
        elif cmd.startswith(b"MAIL"):
            if mode == "drop-mail":
                return
            out("250 2.1.0 ok")
        elif cmd.startswith(b"RCPT"):
            if mode == "drop-rcpt":
                return
            if mode == "reject":
                out("550 5.1.1 no such user here")
            else:
                out("250 2.1.5 ok")
        elif cmd == b"DATA":
            out("354 go ahead")
            if mode == "drop-data":
                f.readline()
                return
            indata = True
        elif cmd == b"QUIT":
            out("221 2.0.0 bye")
            return
        else:
            out("250 2.0.0 ok")


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(8)
while True:
    c, _ = s.accept()
    try:
        session(c)
    except OSError:
        pass
    try:
        c.close()
    except OSError:
        pass
