#
# ostype/debian.m4 -- OSTYPE(debian): Debian's layout.  Local delivery
# through sensible-mda (which picks procmail or mail.local), procmail
# called without -Y, helper programs in /usr/sbin.
#
_CF_DEFAULT(`confEBINDIR', `/usr/sbin')
_CF_DEFAULT(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
_CF_DEFAULT(`PROCMAIL_MAILER_ARGS', `procmail -m $h $f $u')
_CF_DEFAULT(`LOCAL_MAILER_PATH', `/usr/sbin/sensible-mda')
_CF_DEFAULT(`LOCAL_MAILER_FLAGS', `Pn9S')
_CF_DEFAULT(`LOCAL_MAILER_ARGS', `sensible-mda $g $u $h ${client_addr}')
