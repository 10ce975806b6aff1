#
# FEATURE(`local_no_masquerade'): mail to the local mailer is not masqueraded.
# (a flag: the rulesets test _FEAT_local_no_masquerade)
#
