#
# FEATURE(`use_cw_file'): the names of this host are also read from
# confCW_FILE (/etc/mail/local-host-names).
#
_CF_CLASSFILE(`w', _CF_VALUE(`confCW_FILE', `/etc/mail/local-host-names'))
