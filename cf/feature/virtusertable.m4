#
# FEATURE(`virtusertable' [, `map spec']): virtual addresses (virtuser map);
# the domains it serves are class w and class VirtHost (VIRTUSER_DOMAIN).
#
_CF_FEAT_MAP(`virtusertable', `virtuser', `hash /etc/mail/virtusertable')
