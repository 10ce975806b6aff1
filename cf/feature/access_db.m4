#
# FEATURE(`access_db' [, `map spec']): the access map (access), read by the
# policy rulesets for connect, sender and recipient decisions.
#
_CF_FEAT_MAP(`access_db', `access', `hash -T<TMPF> /etc/mail/access')
_CF_KMAP(`macro', `macro', `macro map for $&{...} bookkeeping of the access checks')
