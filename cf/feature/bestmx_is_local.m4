#
# FEATURE(`bestmx_is_local' [, `domains']): mail for domains whose best MX
# is this host is delivered locally (bestmx map).
#
_CF_KMAP(`bestmx', `bestmx', `FEATURE(bestmx_is_local)')
# with an argument, only domains ending in one of its words (class B)
ifelse(_CF_FEAT_ARG(`bestmx_is_local', `1', `'), `', `',
`_CF_CLASS(`B', _CF_FEAT_ARG(`bestmx_is_local', `1', `'))')
