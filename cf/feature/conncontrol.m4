#
# FEATURE(`conncontrol' [, `nodelay'] [, `terminate']): ClientConn:
# entries in the access map limit simultaneous connections.
#
_CF_FEAT_REQUIRES(`conncontrol', `access_db')
