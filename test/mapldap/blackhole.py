#!/usr/bin/env python3
"""A slow LDAP server: it accepts every bind (answers success) and never
answers anything else, so the ldap map's time limit (-l) is tested
against it (test/mapldap/run.sh).   blackhole.py ADDR PORT READYFILE"""
import socket, sys, threading

def msgid(data):
    """the message id of a BER-encoded LDAPMessage (or 1)"""
    try:
        i = 1
        if data[i] & 0x80:
            i += 1 + (data[i] & 0x7f)
        else:
            i += 1
        if data[i] != 2:
            return 1
        n = data[i + 1]
        return int.from_bytes(data[i + 2:i + 2 + n], 'big')
    except IndexError:
        return 1

def serve(c):
    try:
        while True:
            d = c.recv(4096)
            if not d:
                return
            mid = msgid(d)
            # a bind request is application tag 0 (0x60) after the id
            i = d.find(b'\x60')
            if i > 0 and i < 12:
                idb = mid.to_bytes(1 if mid < 128 else 2, 'big')
                body = b'\x02' + bytes([len(idb)]) + idb + b'\x61\x07\x0a\x01\x00\x04\x00\x04\x00'
                c.sendall(b'\x30' + bytes([len(body)]) + body)
    except OSError:
        return

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], int(sys.argv[2])))
s.listen(16)
open(sys.argv[3], 'w').close()
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
