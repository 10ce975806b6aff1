#
# FEATURE(`loose_relay_check'): the %-hack is allowed in the relay check.
# (a flag: the rulesets test _FEAT_loose_relay_check)
#
