#!/usr/bin/env python3
"""A DNS responder with exact control of the bytes it sends (test/mapdns).

The real server (named) answers the ordinary zone; this one serves the
cases a real server will not produce: records in a fixed wire order,
and hostile or broken answers (truncated messages, compression loops,
record lengths past the end, counts that lie, short rdata).  UDP only,
on the address given (default 127.0.0.2:53).  Names are under
raw.test; anything else is NXDOMAIN.

    rawdns.py [ADDR] [PORT]
"""
import re
import socket
import struct
import sys

A, NS, CNAME, PTR, MX, TXT, AAAA, SRV = 1, 2, 5, 12, 15, 16, 28, 33


def name(n):
    out = b""
    for label in n.rstrip(".").split("."):
        if label:
            out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def rr(owner_ptr, rtype, rdata, ttl=300):
    """a record whose owner is a compression pointer to the question"""
    return owner_ptr + struct.pack(">HHIH", rtype, 1, ttl, len(rdata)) + rdata


def txt(*strings):
    return b"".join(bytes([len(s)]) + s for s in strings)


Q = b"\xc0\x0c"      # pointer to the question name
# name -> (ancount override or None, list of raw answer records, tail junk)
ORDERED = {
    "mx.raw.test": [rr(Q, MX, struct.pack(">H", 20) + name("b20.raw.test")),
                    rr(Q, MX, struct.pack(">H", 10) + name("a10.raw.test")),
                    rr(Q, MX, struct.pack(">H", 5) + name("c5.raw.test"))],
    "srv.raw.test": [rr(Q, SRV, struct.pack(">HHH", 20, 0, 25) + name("s20.raw.test")),
                     rr(Q, SRV, struct.pack(">HHH", 10, 5, 587) + name("s10.raw.test"))],
    "txt.raw.test": [rr(Q, TXT, txt(b"zeta", b"more")), rr(Q, TXT, txt(b"alpha")),
                     rr(Q, TXT, txt(b"mid"))],
    "a.raw.test": [rr(Q, A, bytes([192, 0, 2, 3])), rr(Q, A, bytes([192, 0, 2, 1])),
                   rr(Q, A, bytes([192, 0, 2, 2]))],
    "mixed.raw.test": [rr(Q, CNAME, name("other.raw.test")), rr(Q, A, bytes([192, 0, 2, 7])),
                       rr(Q, TXT, txt(b"t")), rr(Q, MX, struct.pack(">H", 1) + name("m.raw.test"))],
    "aaaa.raw.test": [rr(Q, AAAA, bytes(16)), rr(Q, AAAA, bytes([0x20, 1, 0xd, 0xb8] + [0] * 11 + [1])),
                      rr(Q, AAAA, bytes([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1]))],
    "txtnul.raw.test": [rr(Q, TXT, txt(b"a\0b", b"c"))],
    "txtbin.raw.test": [rr(Q, TXT, txt(b"\x01\x7f\xff x"))],
    "percent.raw.test": [rr(Q, TXT, txt(b"a%xb%%c%1d%0e%"))],
    "delim.raw.test": [rr(Q, TXT, txt(b"a,b")), rr(Q, TXT, txt(b"c"))],
    "many.raw.test": [rr(Q, A, bytes([10, 0, i // 256, i % 256])) for i in range(60)],
    "upper.raw.test": [rr(Q, CNAME, name("MiXeD.Raw.TEST"))],
    "dot.raw.test": [rr(Q, CNAME, b"\0"), rr(Q, PTR, b"\0")],
    "escape.raw.test": [rr(Q, PTR, b"\x03a.b\x04c d\x00")],
    "allbytes.raw.test": [rr(Q, TXT, txt(bytes(range(1, 128)), bytes(range(128, 256))))],
    "allbytes2.raw.test": [rr(Q, TXT, txt(bytes(range(128, 256))))],
    "ptrspace.raw.test": [rr(Q, PTR, b"\x03a b\x00")],
    "ptrdot.raw.test": [rr(Q, PTR, b"\x03a.b\x00")],
    "ptrus.raw.test": [rr(Q, PTR, b"\x03a_b\x03raw\x00")],
    "ptrbs.raw.test": [rr(Q, PTR, b"\x03a\\b\x00")],
    "ptrhi.raw.test": [rr(Q, PTR, b"\x03a\xe9b\x00")],
    "ptrctl.raw.test": [rr(Q, PTR, b"\x03a\x01b\x00")],
    "ptrok.raw.test": [rr(Q, PTR, b"\x03a-b\x03raw\x00"), rr(Q, PTR, b"\x03a b\x00"), rr(Q, PTR, b"\x01z\x00")],
    "huge.raw.test": [rr(Q, A, bytes([10, 1, i // 256, i % 256])) for i in range(300)],
    "huge2.raw.test": [rr(Q, A, bytes([10, 2, i // 256, i % 256])) for i in range(1500)],
    "bigtxt.raw.test": [rr(Q, TXT, txt(b"x" * 255)) for i in range(40)],
}
# hostile answers: name -> function(header_id, question bytes) -> message
def hdr(qid, ancount, rcode=0, tc=False):
    flags = 0x8400 | rcode | (0x0200 if tc else 0)
    return struct.pack(">HHHHHH", qid, flags, 1, ancount, 0, 0)


def hostile(kind, qid, question):
    if kind == "trunc":          # answer count 1, message ends inside the record
        return hdr(qid, 1) + question + rr(Q, A, bytes([1, 2, 3, 4]))[:7]
    if kind == "lie":            # says 5 answers, carries 1
        return hdr(qid, 5) + question + rr(Q, A, bytes([192, 0, 2, 5]))
    if kind == "rdlen":          # rdlength runs past the end
        return hdr(qid, 1) + question + Q + struct.pack(">HHIH", A, 1, 300, 400) + b"\1\2\3\4"
    if kind == "loop":           # compression pointer to itself in an MX target
        off = 12 + len(question) + 12 + 2
        return hdr(qid, 1) + question + rr(Q, MX, b"\0\x0a" + struct.pack(">H", 0xC000 | off))
    if kind == "fwdptr":         # pointer past the end of the message
        return hdr(qid, 1) + question + rr(Q, CNAME, b"\xc3\xff")
    if kind == "shorta":         # A record with 3 bytes of rdata
        return hdr(qid, 1) + question + rr(Q, A, b"\1\2\3")
    if kind == "shortaaaa":
        return hdr(qid, 1) + question + rr(Q, AAAA, b"\1\2\3\4")
    if kind == "shortmx":        # MX rdata of one byte
        return hdr(qid, 1) + question + rr(Q, MX, b"\0")
    if kind == "shortsrv":
        return hdr(qid, 1) + question + rr(Q, SRV, b"\0\1\0\2")
    if kind == "txtover":        # string length past the rdata
        return hdr(qid, 1) + question + rr(Q, TXT, b"\x09abc")
    if kind == "txtzero":        # empty rdata
        return hdr(qid, 1) + question + rr(Q, TXT, b"")
    if kind == "label":          # label length 64+ (reserved bits)
        return hdr(qid, 1) + question + rr(Q, PTR, b"\x50abc\0")
    if kind == "txtmix":         # a good string, then one past its rdata
        return hdr(qid, 2) + question + rr(Q, TXT, txt(b"good")) + rr(Q, TXT, b"\x09abc")
    if kind == "txtmix2":        # the bad one first
        return hdr(qid, 2) + question + rr(Q, TXT, b"\x09abc") + rr(Q, TXT, txt(b"good"))
    if kind == "txtzero2":       # empty rdata, then a good one
        return hdr(qid, 2) + question + rr(Q, TXT, b"") + rr(Q, TXT, txt(b"good"))
    if kind == "longa":          # A rdata of 5 bytes, then a good A
        return hdr(qid, 2) + question + rr(Q, A, b"\1\2\3\4\5") + rr(Q, A, b"\5\6\7\x08")
    if kind == "mxmix":          # a good MX, then one whose target loops
        off = 12 + len(question) + 12 + 2 + 16 + 12 + 2
        return (hdr(qid, 2) + question + rr(Q, MX, b"\0\x0a" + name("ok.raw.test")) +
                rr(Q, MX, b"\0\x0a" + struct.pack(">H", 0xC000 | off)))
    if kind == "mxmix2":         # the looping MX first
        off = 12 + len(question) + 12 + 2
        return (hdr(qid, 2) + question + rr(Q, MX, b"\0\x0a" + struct.pack(">H", 0xC000 | off)) +
                rr(Q, MX, b"\0\x0a" + name("ok.raw.test")))
    if kind == "lastother":      # three TXT filling the result, then an A
        return (hdr(qid, 4) + question + rr(Q, TXT, txt(b"a" * 200)) + rr(Q, TXT, txt(b"b" * 200)) +
                rr(Q, TXT, txt(b"c" * 225)) + rr(Q, A, b"\1\2\3\4"))
    if kind == "tc":             # truncated flag, no TCP server
        return hdr(qid, 0, tc=True) + question
    if kind == "servfail":
        return hdr(qid, 0, rcode=2) + question
    if kind == "refused":
        return hdr(qid, 0, rcode=5) + question
    if kind == "short":          # a header only, cut
        return hdr(qid, 1)[:8]
    if kind == "wrongid":
        return hdr(qid ^ 0xffff, 1) + question + rr(Q, A, bytes([1, 2, 3, 4]))
    return None


def answer(msg):
    qid = struct.unpack(">H", msg[:2])[0]
    off, labels = 12, []
    while msg[off]:
        labels.append(msg[off + 1:off + 1 + msg[off]].decode("latin-1"))
        off += 1 + msg[off]
    qend = off + 5
    question = msg[12:qend]
    qtype = struct.unpack(">H", msg[off + 1:off + 3])[0]
    qname = ".".join(labels).lower()
    if qname.endswith(".bad.raw.test"):
        kind = qname[:-len(".bad.raw.test")].split(".")[-1]
        if kind == "drop":
            return None
        r = hostile(kind, qid, question)
        if r is not None:
            return r
    recs = ORDERED.get(qname)
    m = re.match(r"t(\d+)x(\d+)\.raw\.test$", qname)
    m2 = re.match(r"tl((?:-\d{1,5})+)\.raw\.test$", qname)
    if m2:
        sizes = [min(int(x), 255) for x in m2.group(1)[1:].split("-")]
        recs = [rr(Q, TXT, txt(b"%c" % (97 + i % 26) * n)) for i, n in enumerate(sizes)]
    if m and int(m.group(1)) < 256 and int(m.group(2)) < 200:
        recs = [rr(Q, TXT, txt(b"%c" % (97 + i % 26) * int(m.group(1))))
                for i in range(int(m.group(2)))]
    if recs is None:
        return hdr(qid, 0, rcode=3) + question
    return hdr(qid, len(recs)) + question + b"".join(recs)


def main():
    addr = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.2"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 53
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((addr, port))
    while True:
        msg, peer = s.recvfrom(4096)
        try:
            r = answer(msg)
        except (IndexError, struct.error):
            continue
        if r is not None:
            s.sendto(r, peer)


if __name__ == "__main__":
    main()
