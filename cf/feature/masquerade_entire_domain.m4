#
# FEATURE(`masquerade_entire_domain'): subdomains of class M are masqueraded too.
# (a flag: the rulesets test _FEAT_masquerade_entire_domain)
#
