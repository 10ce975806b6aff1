#
# FEATURE(`smrsh' [, `path']): programs run through the restricted shell
# smrsh (default confEBINDIR/smrsh) instead of /bin/sh.
#
_CF_FEATURE_BEFORE_MAILER(`smrsh', `local')
define(`LOCAL_SHELL_PATH', _CF_FEAT_ARG(`smrsh', `1', _CF_VALUE(`confEBINDIR', `/usr/libexec')`/smrsh'))
define(`LOCAL_SHELL_ARGS', `smrsh -c $u')
