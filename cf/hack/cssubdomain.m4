#
# hack/cssubdomain.m4 -- HACK(cssubdomain): an example of a site hack.
# Treats the host names given as arguments (or, with none, "cs") as
# extra names of this host, the way departments once answered for the
# old subdomain of a renamed campus.
#
_CF_CLASS(`w', ifdef(`_HACK_cssubdomain_ARG1', `defn(`_HACK_cssubdomain_ARG1')', `cs'))
