#
# mailer/procmail.m4 -- MAILER(procmail): delivery through procmail to a
# mailbox chosen by the host part (used with mailertable entries such
# as "procmail:/etc/procmailrcs/name").
# PROCMAIL_MAILER_PATH, _FLAGS (added to DFM), _ARGS, _MAX, _QGRP.
#
define(`_MAILER_procmail_', `1')
define(`_CF_MAILER_WRITE_procmail',
`# procmail as a mailer (PROCMAIL_MAILER_*)
_CF_MLINE(`procmail', _CF_VALUE(`PROCMAIL_MAILER_PATH', `/usr/local/bin/procmail'),
	`DFM'_CF_VALUE(`PROCMAIL_MAILER_FLAGS', `SPhnu9'),
	`EnvFromSMTP/HdrFromSMTP', `EnvToSMTP/HdrFromSMTP',
	_CF_MF(`M', `PROCMAIL_MAILER_MAX')_CF_MF(`Q', `PROCMAIL_MAILER_QGRP'),
	`DNS/RFC822/X-Unix',
	_CF_VALUE(`PROCMAIL_MAILER_ARGS', `procmail -Y -m $h $f $u'))')
