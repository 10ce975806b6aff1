#
# FEATURE(`block_bad_helo'): refuse HELO/EHLO names that claim to be this
# host or are not qualified; the loopback addresses count as this host
# and as relay hosts.
#
_CF_CLASS(`R', `127.0.0.1 IPv6:0:0:0:0:0:0:0:1 IPv6:::1')
_CF_CLASS(`w', `[127.0.0.1] [IPv6:0:0:0:0:0:0:0:1] [IPv6:::1]')
