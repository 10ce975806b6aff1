#
# FEATURE(`nocanonify'): host names are not canonified through the DNS in ruleset 3 (only names of the classes given as argument, CANONIFY_DOMAIN, are).
# (a flag: the rulesets test _FEAT_nocanonify)
#
