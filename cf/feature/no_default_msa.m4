#
# FEATURE(`no_default_msa'): no listener on the submission port 587 unless
# DAEMON_OPTIONS asks for it.
#
