#
# FEATURE(`relay_entire_domain'): relaying is allowed for any host in the domains of class m.
# (a flag: the rulesets test _FEAT_relay_entire_domain)
#
