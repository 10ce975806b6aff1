#
# FEATURE(`generics_entire_domain'): genericstable also applies to the subdomains of class G.
# (a flag: the rulesets test _FEAT_generics_entire_domain)
#
