#
# FEATURE(`accept_unresolvable_domains'): senders whose domain does not resolve are accepted.
# (a flag: the rulesets test _FEAT_accept_unresolvable_domains)
#
