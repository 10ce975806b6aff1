#
# FEATURE(`allmasquerade'): recipient headers are masqueraded as well as sender headers.
# (a flag: the rulesets test _FEAT_allmasquerade)
#
