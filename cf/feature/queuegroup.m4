#
# FEATURE(`queuegroup' [, `default group']): choose the queue group from
# QGRP: entries in the access map.
#
_CF_FEAT_REQUIRES(`queuegroup', `access_db')
