#
# FEATURE(`genericstable' [, `map spec']): outgoing sender rewriting for
# the domains of class G (generics map).
#
_CF_FEAT_MAP(`genericstable', `generics', `hash /etc/mail/genericstable')
