#
# FEATURE(`enhdnsbl', `zone' [, `message' [, `temp' [, `answers'...]]]):
# like dnsbl, with the answers that count (ednsbl map; define EDNSBL_TO
# for its timeout, default 5 s).
#
_CF_FEAT_NEEDARG(`enhdnsbl', `the DNS zone of the block list')
_CF_KMAP(`ednsbl', `dns -R A -a. -T<TMP> -r'_CF_VALUE(`EDNSBL_TO', `5'), `FEATURE(enhdnsbl)')
# each use adds one list, checked in .mc order (rules_dnsbl.m4)
_CF_FEAT_KEEP(`enhdnsbl', `_CF_DNSBL')
