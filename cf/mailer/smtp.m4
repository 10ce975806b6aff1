#
# mailer/smtp.m4 -- MAILER(smtp): the SMTP mailers smtp, esmtp, smtp8,
# dsmtp and relay.
#
# Flags: mDFMuX for all, plus a (esmtp), 8 (smtp8), a% (dsmtp), a8 (relay),
# plus SMTP_MAILER_FLAGS (relay: RELAY_MAILER_FLAGS when defined).
# SMTP_MAILER_MAX, _MAXMSGS, _MAXRCPTS, _CHARSET, _LL apply to the four
# first; relay has RELAY_MAILER_MAXMSGS, _CHARSET, _LL and
# SMTP_MAILER_MAXRCPTS.  xxx_MAILER_ARGS and xxx_MAILER_QGRP per mailer.
# Rulesets EnvFromSMTP, HdrFromSMTP, EnvToSMTP, MasqSMTP: rules_addr.m4.
#
define(`_MAILER_smtp_', `1')
define(`_MAILER_esmtp_', `1')
define(`_MAILER_smtp8_', `1')
define(`_MAILER_dsmtp_', `1')
define(`_MAILER_relay_', `1')

# recipient headers are rewritten like sender headers with
# FEATURE(allmasquerade) and FEATURE(nullclient)
define(`_CF_IF_ALLMASQ',
`ifdef(`_FEAT_allmasquerade', `$1', `ifdef(`_FEAT_nullclient', `$1')')')

# _CF_SMTP1(name, NAME, extra flags)
define(`_CF_SMTP1',
`_CF_MLINE(`$1', `[IPC]',
	`mDFMuX$3'_CF_VALUE(`SMTP_MAILER_FLAGS', `'),
	`EnvFromSMTP/HdrFromSMTP', `EnvToSMTP'_CF_IF_ALLMASQ(`/HdrFromSMTP'),
	`E=\r\n, L='_CF_VALUE(`SMTP_MAILER_LL', `990')`, '_CF_MF(`M', `SMTP_MAILER_MAX')_CF_MF(`m', `SMTP_MAILER_MAXMSGS')_CF_MF(`r', `SMTP_MAILER_MAXRCPTS')_CF_MF(`C', `SMTP_MAILER_CHARSET')_CF_MF(`Q', `$2_MAILER_QGRP'),
	`DNS/RFC822/SMTP',
	_CF_VALUE(`$2_MAILER_ARGS', `TCP $h'))')

define(`_CF_MAILER_WRITE_smtp',
`# plain SMTP, extended SMTP, 8-bit SMTP, on-demand SMTP (SMTP_MAILER_*)
_CF_SMTP1(`smtp', `SMTP', `')dnl
_CF_SMTP1(`esmtp', `ESMTP', `a')dnl
_CF_SMTP1(`smtp8', `SMTP8', `8')dnl
_CF_SMTP1(`dsmtp', `DSMTP', `a%')dnl
# relaying to a smart host or hub (RELAY_MAILER_*)
_CF_MLINE(`relay', `[IPC]',
	`mDFMuXa8'ifdef(`RELAY_MAILER_FLAGS', `RELAY_MAILER_FLAGS', `_CF_VALUE(`SMTP_MAILER_FLAGS', `')'),
	`EnvFromSMTP/HdrFromSMTP', `MasqSMTP'_CF_IF_ALLMASQ(`/MasqRelay'),
	`E=\r\n, L='_CF_VALUE(`RELAY_MAILER_LL', `2040')`, '_CF_MF(`m', `RELAY_MAILER_MAXMSGS')_CF_MF(`r', `SMTP_MAILER_MAXRCPTS')_CF_MF(`C', `RELAY_MAILER_CHARSET')_CF_MF(`Q', `RELAY_MAILER_QGRP'),
	`DNS/RFC822/SMTP',
	_CF_VALUE(`RELAY_MAILER_ARGS', `TCP $h'))')
