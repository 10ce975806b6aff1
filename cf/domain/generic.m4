#
# domain/generic.m4 -- DOMAIN(generic): site-wide settings for a typical
# Internet host: .forward files per host and with +detail, a header size
# limit, the redirect feature, names of this host from local-host-names,
# and root never masqueraded.
#
define(`confFORWARD_PATH', `$z/.forward.$w+$h:$z/.forward+$h:$z/.forward.$w:$z/.forward')
define(`confMAX_HEADERS_LENGTH', `32768')
FEATURE(`redirect')
FEATURE(`use_cw_file')
EXPOSED_USER(`root')
