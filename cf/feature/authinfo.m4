#
# FEATURE(`authinfo' [, `map spec']): client SMTP AUTH credentials in their
# own map (authinfo) instead of the access map.
#
_CF_FEAT_MAP(`authinfo', `authinfo', `hash /etc/mail/authinfo')
