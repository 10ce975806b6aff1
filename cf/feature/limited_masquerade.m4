#
# FEATURE(`limited_masquerade'): only the hosts of class M (not class w) are masqueraded.
# (a flag: the rulesets test _FEAT_limited_masquerade)
#
