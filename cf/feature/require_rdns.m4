#
# FEATURE(`require_rdns'): clients without a working reverse DNS name are refused.
# (a flag: the rulesets test _FEAT_require_rdns)
#
