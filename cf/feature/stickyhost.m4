#
# FEATURE(`stickyhost'): user@thishost is not sent to LUSER_RELAY or MAIL_HUB (unqualified user is).
# (a flag: the rulesets test _FEAT_stickyhost)
#
