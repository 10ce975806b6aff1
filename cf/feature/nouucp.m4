#
# FEATURE(`nouucp', `reject' | `nospecial'): no UUCP addressing; "!" is
# refused (reject) or an ordinary character (nospecial).  The uucp user
# is not trusted.
#
_CF_FEAT_NEEDARG(`nouucp', `reject or nospecial')
_CF_FEAT_ONEOF(`nouucp', `1', `reject', `nospecial')
