/* lookup.h - $[ $] and $( $) lookups during rewriting. */
#ifndef SM_LOOKUP_H
#define SM_LOOKUP_H
#include "rewrite/rewrite.h"

/* replace every lookup in w by its result; returns EX_OK or EX_TEMPFAIL */
int rw_lookups(rwctx_t *cx, tokvec_t *w);
void rw_tokenize(rwctx_t *cx, const char *text, tokvec_t *out);

#endif
