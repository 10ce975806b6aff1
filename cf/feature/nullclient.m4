#
# FEATURE(`nullclient', `hub'): a host that sends all its mail to the hub
# and keeps none: no aliases, no .forward, local names masqueraded as the
# hub.  Routing is that of SMART_HOST and MAIL_HUB: local names resolve
# to the local mailer (ruleset 5 then hands them to the hub).
#
_CF_FEAT_NEEDARG(`nullclient', `the host that takes all mail')
_CF_FEATURE_BEFORE_MAILER(`nullclient', `local')
define(`SMART_HOST', defn(`_FEAT_nullclient_ARG1'))
define(`MAIL_HUB', defn(`_FEAT_nullclient_ARG1'))
define(`MASQUERADE_NAME', defn(`_FEAT_nullclient_ARG1'))
dnl the envelope sender is masqueraded too
define(`_FEAT_masquerade_envelope', `1')
_CF_DEFAULT(`confFORWARD_PATH', `')
_CF_DEFAULT(`confFROM_HEADER', `<$g>')
define(`_CF_NO_ALIAS_FILE', `1')
MAILER(`local')
MAILER(`smtp')
