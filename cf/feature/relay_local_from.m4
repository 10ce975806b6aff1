#
# FEATURE(`relay_local_from'): relaying is allowed when the envelope sender is a local address (unsafe).
# (a flag: the rulesets test _FEAT_relay_local_from)
#
