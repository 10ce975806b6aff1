#
# FEATURE(`promiscuous_relay'): relay for everybody.  Never on a host
# reachable from the Internet.
#
_CF_WARN(`FEATURE(`promiscuous_relay') makes this host an open relay')
