#
# FEATURE(`access_db' [, `map spec']): the access map (access), read by the
# policy rulesets for connect, sender and recipient decisions.
#
# a spec given without a -T flag gets -T<TMPF> after the map class, so
# that a temporary lookup failure is told apart from "not found"
_CF_FEAT_MAP(`access_db', `access', `hash -T<TMPF> /etc/mail/access')
ifelse(index(defn(`_CF_KSPEC_access'), `-T<'), `-1',
`define(`_CF_KSPEC_access',
	patsubst(defn(`_CF_KSPEC_access'), `^\([^ 	]+\)', `\1 -T<TMPF>'))')
_CF_KMAP(`macro', `macro', `macro map for $&{...} bookkeeping of the access checks')
