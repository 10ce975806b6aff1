#
# FEATURE(`preserve_local_plus_detail'): user+detail is given to the local mailer unchanged.
# (a flag: the rulesets test _FEAT_preserve_local_plus_detail)
#
