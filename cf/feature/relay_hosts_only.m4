#
# FEATURE(`relay_hosts_only'): class R and access RELAY entries name hosts, not domains.
# (a flag: the rulesets test _FEAT_relay_hosts_only)
#
