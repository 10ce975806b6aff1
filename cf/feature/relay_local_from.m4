#
# FEATURE(`relay_local_from'): relaying is allowed when the envelope sender is a local address (unsafe).
# (a flag: the rulesets test _FEAT_relay_local_from)
#
_CF_WARN(`FEATURE(`relay_local_from') trusts a forgeable sender address: this host may become an open relay (prefer SMTP AUTH or STARTTLS)')
