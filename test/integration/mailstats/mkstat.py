#!/usr/bin/env python3
# mkstat.py OUT MAGIC VERSION ITIME SIZE CONN_FROM CONN_TO CONN_REJ [ARR,MAILER,VALUE ...]
# writes a statistics record in the reference's layout (host byte order,
# LP64): int32 magic, int32 version, int64 itime, int16 size + 6 pad,
# 3 int64 connection counters, 7 arrays of 25 int64 (from, kbytes from,
# to, kbytes to, rejected, discarded, quarantined).  Used by mailstats*.t.
import struct, sys
out = sys.argv[1]
magic, ver, itime, size, c0, c1, c2 = [int(x, 0) for x in sys.argv[2:9]]
arr = [[0] * 25 for _ in range(7)]
for s in sys.argv[9:]:
    a, i, v = [int(x, 0) for x in s.split(',')]
    arr[a][i] = v
b = struct.pack('=iiqh6xqqq', magic, ver, itime, size, c0, c1, c2)
for a in arr:
    b += struct.pack('=25q', *a)
open(out, 'wb').write(b)
