#
# FEATURE(`greet_pause' [, `milliseconds']): wait before the greeting and
# refuse clients that talk first; GreetPause: entries in the access map.
#
_CF_FEAT_REQUIRES(`greet_pause', `access_db')
