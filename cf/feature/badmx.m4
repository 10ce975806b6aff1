#
# FEATURE(`badmx' [, `regex']): refuse sender domains whose MX records
# point to unusable addresses (mxlist, badmx, dnsA, BadMXIP maps).
#
_CF_KMAP(`mxlist', `bestmx -z: -T<TEMP>', `FEATURE(badmx)')
_CF_KMAP(`badmx', `regex -a<BADMX> ^(([0-9]{1,3}\.){3}[0-9]){0,1}\.$', `FEATURE(badmx)')
_CF_KMAP(`dnsA', `dns -R A -a. -T<TEMP>', `FEATURE(badmx)')
_CF_KMAP(`BadMXIP', `regex -a<BADMXIP> '_CF_FEAT_ARG(`badmx', `1', `^(127\.|10\.|0\.0\.0\.0)'), `FEATURE(badmx)')
