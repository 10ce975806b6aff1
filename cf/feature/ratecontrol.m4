#
# FEATURE(`ratecontrol' [, `nodelay'] [, `terminate']): ClientRate:
# entries in the access map limit connections per minute.
#
_CF_FEAT_REQUIRES(`ratecontrol', `access_db')
