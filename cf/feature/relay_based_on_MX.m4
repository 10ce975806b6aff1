#
# FEATURE(`relay_based_on_MX'): relaying is allowed for domains whose MX
# points to this host (mxserved map).
#
_CF_KMAP(`mxserved', `bestmx -z: -T<TEMP>', `FEATURE(relay_based_on_MX)')
