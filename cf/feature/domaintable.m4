#
# FEATURE(`domaintable' [, `map spec']): old domain names mapped to new
# ones (domaintable map).
#
_CF_FEAT_MAP(`domaintable', `domaintable', `hash /etc/mail/domaintable')
