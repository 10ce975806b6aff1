#
# FEATURE(`mailertable' [, `map spec']): routing by domain (mailertable map).
#
_CF_FEAT_MAP(`mailertable', `mailertable', `hash /etc/mail/mailertable')
