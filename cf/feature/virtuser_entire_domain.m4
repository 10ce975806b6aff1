#
# FEATURE(`virtuser_entire_domain'): virtusertable entries for a domain of class VirtHost also cover its subdomains.
# (a flag: the rulesets test _FEAT_virtuser_entire_domain)
#
