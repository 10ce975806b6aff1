#
# FEATURE(`lookupdotdomain'): the access map is also searched for
# .domain keys.
#
_CF_FEAT_REQUIRES(`lookupdotdomain', `access_db')
