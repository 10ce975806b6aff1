#
# FEATURE(`local_procmail' [, `path' [, `argv' [, `flags']]]): procmail
# (or another delivery agent) as the local mailer.
#
_CF_FEATURE_BEFORE_MAILER(`local_procmail', `local')
define(`LOCAL_MAILER_PATH', _CF_FEAT_ARG(`local_procmail', `1', _CF_VALUE(`PROCMAIL_MAILER_PATH', `/usr/local/bin/procmail')))
define(`LOCAL_MAILER_ARGS', _CF_FEAT_ARG(`local_procmail', `2', `procmail -a $h -d $u'))
define(`LOCAL_MAILER_FLAGS', _CF_FEAT_ARG(`local_procmail', `3', `SPfhn9'))
