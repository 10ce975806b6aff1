#
# ostype/linux.m4 -- OSTYPE(linux): a GNU/Linux system.
# Local delivery through procmail; helper programs in /usr/sbin.
# Values the .mc defined before OSTYPE are kept.
#
_CF_DEFAULT(`confEBINDIR', `/usr/sbin')
_CF_DEFAULT(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
_CF_DEFAULT(`LOCAL_MAILER_PATH', `/usr/bin/procmail')
_CF_DEFAULT(`LOCAL_MAILER_FLAGS', `SPfhn9')
_CF_DEFAULT(`LOCAL_MAILER_ARGS', `procmail -a $h -d $u')
