#!/usr/bin/env python3
"""A socketmap server for the map-class tests (python3 stdlib only).

  socketmap-server.py UNIXPATH HOST:PORT READYFILE

Serves the socketmap protocol (netstring requests "<map> <key>", netstring
replies "<STATUS> <value>") on a unix socket and on a TCP port, one
thread per connection, many requests per connection.  The reply depends
on the key, so the tests can drive every branch of a client:

  nf*       NOTFOUND            temp*     TEMP busy
  timeout*  TIMEOUT slow        perm*     PERM denied
  weird*    WHAT 1              empty*    OK (empty value)
  badlen*   length prefix that is not a number
  nocolon*  digits without ':'  nocomma*  reply without the final ','
  short*    fewer bytes than announced, then close
  huge*     announces a reply longer than 100000 bytes
  big*      an OK reply of 1000 bytes (valid)
  hang*     no reply (the connection stays open)
  close*    closes the connection without replying
  count*    OK n, n = requests seen on this connection
  else      OK <map>:<key>
Every request is also recorded on stderr.  Exits on SIGTERM."""
import os, signal, socket, sys, threading

def reply_for(mapname, key, nreq):
    k = key.lower()
    table = [
        ("nf", b"8:NOTFOUND,"), ("temp", b"9:TEMP busy,"),
        ("timeout", b"12:TIMEOUT slow,"), ("perm", b"11:PERM denied,"),
        ("weird", b"6:WHAT 1,"), ("empty", b"3:OK ,"),
        ("badlen", b"x4:OK a,"), ("nocolon", b"4"), ("nocomma", b"4:OK a;"),
        ("huge", b"200000:OK "),
    ]
    for prefix, r in table:
        if k.startswith(prefix):
            return r
    if k.startswith("big"):
        v = b"OK " + b"v" * 997
        return b"%d:%s," % (len(v), v)
    if k.startswith("count"):
        v = b"OK %d" % nreq
        return b"%d:%s," % (len(v), v)
    v = b"OK " + mapname.encode() + b":" + key.encode()
    return b"%d:%s," % (len(v), v)

def read_netstring(f):
    n = b""
    while True:
        c = f.read(1)
        if not c:
            return None
        if c == b":":
            break
        n += c
    data = f.read(int(n))
    f.read(1)   # the ','
    return data.decode("latin-1")

def serve(conn):
    f = conn.makefile("rb")
    nreq = 0
    try:
        while True:
            req = read_netstring(f)
            if req is None:
                break
            nreq += 1
            sys.stderr.write("socketmap request: %r\n" % req)
            mapname, _, key = req.partition(" ")
            k = key.lower()
            if k.startswith("hang"):
                threading.Event().wait(60)
                break
            if k.startswith("close"):
                break
            if k.startswith("short"):
                conn.sendall(b"10:OK a")
                break
            conn.sendall(reply_for(mapname, key, nreq))
    except (OSError, ValueError):
        pass
    finally:
        conn.close()

def listen(sock):
    sock.listen(16)
    while True:
        c, _ = sock.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()

def main():
    upath, inet, ready = sys.argv[1], sys.argv[2], sys.argv[3]
    host, port = inet.rsplit(":", 1)
    try:
        os.unlink(upath)
    except FileNotFoundError:
        pass
    us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    us.bind(upath)
    os.chmod(upath, 0o666)
    ts = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    ts.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ts.bind((host, int(port)))
    signal.signal(signal.SIGTERM, lambda *a: os._exit(0))
    for s in (us, ts):
        threading.Thread(target=listen, args=(s,), daemon=True).start()
    open(ready, "w").close()
    threading.Event().wait()

if __name__ == "__main__":
    main()
