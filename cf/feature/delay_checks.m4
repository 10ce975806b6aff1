#
# FEATURE(`delay_checks'): check_mail and check_relay are run from check_rcpt (argument friend or hater: per-recipient exceptions).
# (a flag: the rulesets test _FEAT_delay_checks)
#
