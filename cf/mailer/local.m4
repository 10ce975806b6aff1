#
# mailer/local.m4 -- MAILER(local): the local mailer and prog.
#
# local:  LOCAL_MAILER_PATH, _FLAGS (added to lsDFMAw5:/|@q), _ARGS, _MAX,
#         _MAXMSGS, _CHARSET, _EOL, _QGRP, _DSN_DIAGNOSTIC_CODE;
#         FEATURE(local_procmail) and FEATURE(local_lmtp) change it.
# prog:   LOCAL_SHELL_PATH, _FLAGS (added to lsDFMoq), _ARGS, _DIR,
#         LOCAL_PROG_QGRP; FEATURE(smrsh) changes it.
# The S= and R= rulesets (EnvFromL, HdrFromL, EnvToL, HdrToL) are
# written by rules_addr.m4.
#
define(`_MAILER_local_', `1')
define(`_MAILER_prog_', `1')

define(`_CF_MAILER_WRITE_local', `ifdef(`_FEAT_msp', `_CF_LOCAL_MSP`'', `_CF_LOCAL_MTA`'')')

# FEATURE(msp): local and prog also go to the MTA by SMTP
define(`_CF_LOCAL_MSP',
`# local and prog hand over to the MTA (FEATURE(msp))
_CF_MLINE(`local', `[IPC]', `lmDFMuXkw5', `EnvFromL/HdrFromL', `EnvToL/HdrToL', `',
	`DNS/RFC822/SMTP', `TCP $h')dnl
_CF_MLINE(`prog', `[IPC]', `lmDFMuXk5', `EnvFromL/HdrFromL', `EnvToL/HdrToL', `D=$z:/, ',
	`X-Unix/X-Unix/X-Unix', `TCP $h')')

define(`_CF_LOCAL_MTA',
`_CF_NOTE(`local delivery (LOCAL_MAILER_*'ifdef(`_FEAT_local_procmail', ``, FEATURE(local_procmail)'')`'ifdef(`_FEAT_local_lmtp', ``, FEATURE(local_lmtp)'')`)')dnl
_CF_MLINE(`local',
	_CF_VALUE(`LOCAL_MAILER_PATH', `/bin/mail'),
	ifdef(`_FEAT_nullclient', `lsDFM5q', `lsDFMAw5:/|@q')`'_CF_VALUE(`LOCAL_MAILER_FLAGS', `Prmn9'),
	ifdef(`_FEAT_local_lmtp', `EnvFromSMTP', `EnvFromL')/HdrFromL,
	`EnvToL/HdrToL',
	_CF_MF(`E', `LOCAL_MAILER_EOL')_CF_MF(`M', `LOCAL_MAILER_MAX')_CF_MF(`m', `LOCAL_MAILER_MAXMSGS')_CF_MF(`C', `LOCAL_MAILER_CHARSET')_CF_MF(`Q', `LOCAL_MAILER_QGRP'),
	`DNS/RFC822/'_CF_VALUE(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `X-Unix'),
	_CF_VALUE(`LOCAL_MAILER_ARGS', `mail -d $u'))dnl
_CF_NOTE(`delivery to programs (LOCAL_SHELL_*'ifdef(`_FEAT_smrsh', ``, FEATURE(smrsh)'')`)')dnl
_CF_MLINE(`prog',
	_CF_VALUE(`LOCAL_SHELL_PATH', `/bin/sh'),
	`lsDFMoq'_CF_VALUE(`LOCAL_SHELL_FLAGS', `eu9'),
	`EnvFromL/HdrFromL',
	`EnvToL/HdrToL',
	`D='_CF_VALUE(`LOCAL_SHELL_DIR', `$z:/')`, '_CF_MF(`M', `LOCAL_MAILER_MAX')_CF_MF(`Q', `LOCAL_PROG_QGRP'),
	`X-Unix/X-Unix/X-Unix',
	_CF_VALUE(`LOCAL_SHELL_ARGS', `sh -c $u'))')
