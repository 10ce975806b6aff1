#
# FEATURE(`blocklist_recipients'): access map entries also refuse mail
# TO local users and hosts (To: tags and plain entries).
#
_CF_FEAT_REQUIRES(`blocklist_recipients', `access_db')
