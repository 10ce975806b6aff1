#
# ostype/bsd4.4.m4 -- OSTYPE(bsd4.4): 4.4BSD and its descendants;
# mail.local as the local mailer, helper programs in /usr/libexec.
#
_CF_DEFAULT(`confEBINDIR', `/usr/libexec')
_CF_DEFAULT(`LOCAL_MAILER_PATH', `/usr/libexec/mail.local')
_CF_DEFAULT(`LOCAL_MAILER_FLAGS', `rmn9')
_CF_DEFAULT(`LOCAL_MAILER_ARGS', `mail.local -d $u')
