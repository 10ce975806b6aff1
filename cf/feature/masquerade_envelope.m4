#
# FEATURE(`masquerade_envelope'): the envelope sender is masqueraded as well as headers.
# (a flag: the rulesets test _FEAT_masquerade_envelope)
#
