#
# FEATURE(`accept_unqualified_senders'): senders without a domain are accepted.
# (a flag: the rulesets test _FEAT_accept_unqualified_senders)
#
