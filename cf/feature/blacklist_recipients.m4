#
# FEATURE(`blacklist_recipients'): the old name of blocklist_recipients.
#
_CF_WARN(`FEATURE(`blacklist_recipients') is deprecated; use FEATURE(`blocklist_recipients')')
FEATURE(`blocklist_recipients')
