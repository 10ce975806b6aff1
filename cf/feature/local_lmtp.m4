#
# FEATURE(`local_lmtp' [, `path' [, `argv']]): an LMTP speaking local mailer
# (default confEBINDIR/mail.local -l).
#
_CF_FEATURE_BEFORE_MAILER(`local_lmtp', `local')
define(`LOCAL_MAILER_PATH', _CF_FEAT_ARG(`local_lmtp', `1', _CF_VALUE(`confEBINDIR', `/usr/libexec')`/mail.local'))
define(`LOCAL_MAILER_ARGS', _CF_FEAT_ARG(`local_lmtp', `2', `mail.local -l'))
define(`LOCAL_MAILER_FLAGS', `PSXmnz9')
define(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `SMTP')
