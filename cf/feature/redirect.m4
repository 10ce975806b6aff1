#
# FEATURE(`redirect'): addresses user@host.REDIRECT bounce with the new
# address; REDIRECT is a pseudo domain (class P).
#
_CF_CLASS(`P', `REDIRECT')
