#
# FEATURE(`nopercenthack', `reject' | `nospecial'): "%" is not a routing
# character: refused (reject) or ordinary (nospecial).
#
_CF_FEAT_NEEDARG(`nopercenthack', `reject or nospecial')
_CF_FEAT_ONEOF(`nopercenthack', `1', `reject', `nospecial')
