#
# FEATURE(`always_add_domain'): local addresses get this host's domain (or the masquerade name) added, for local delivery too.
# (a flag: the rulesets test _FEAT_always_add_domain)
#
