#
# FEATURE(`relay_mail_from' [, `domain']): relaying is allowed when the
# envelope sender has a RELAY entry in the access map (From: tag).
#
_CF_FEAT_REQUIRES(`relay_mail_from', `access_db')
