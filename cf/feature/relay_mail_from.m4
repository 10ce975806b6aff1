#
# FEATURE(`relay_mail_from' [, `domain']): relaying is allowed when the
# envelope sender has a RELAY entry in the access map (From: tag).
#
_CF_FEAT_REQUIRES(`relay_mail_from', `access_db')
_CF_WARN(`FEATURE(`relay_mail_from') trusts a forgeable sender address: this host may become an open relay (prefer SMTP AUTH or STARTTLS)')
