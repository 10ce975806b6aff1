#
# FEATURE(`bestmx_is_local' [, `domains']): mail for domains whose best MX
# is this host is delivered locally (bestmx map).
#
_CF_KMAP(`bestmx', `bestmx', `FEATURE(bestmx_is_local)')
