#
# FEATURE(`enhdnsbl', `zone' [, `message' [, `temp' [, `answers'...]]]):
# like dnsbl, with the answers that count (ednsbl map).
#
_CF_FEAT_NEEDARG(`enhdnsbl', `the DNS zone of the block list')
_CF_KMAP(`ednsbl', `dns -R A -a. -T<TMP> -r5', `FEATURE(enhdnsbl)')
