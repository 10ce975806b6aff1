#
# FEATURE(`dnsbl', `zone' [, `message' [, `temporary failure']]): refuse
# clients listed in a DNS block list (dnsbl map).
#
_CF_FEAT_NEEDARG(`dnsbl', `the DNS zone of the block list')
_CF_KMAP(`dnsbl', `dns -R A -T<TMP>', `FEATURE(dnsbl)')
# each use adds one list, checked in .mc order (rules_dnsbl.m4)
_CF_FEAT_KEEP(`dnsbl', `_CF_DNSBL')
