#
# FEATURE(`compat_check'): sender/recipient pairs (Compat: entries in the
# access map) checked by check_compat.
#
_CF_FEAT_REQUIRES(`compat_check', `access_db')
