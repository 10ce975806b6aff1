/* lookup.h - $[ $] and $( $) lookups during rewriting. */
#ifndef SM_LOOKUP_H
#define SM_LOOKUP_H
#include "rewrite/rewrite.h"

/* which operator tokens of a freshly built RHS came from the rule
 * itself (and so delimit lookups), as opposed to $n substitutions */
typedef struct lkmark {
	unsigned char bits[(MAXATOM + 64) / 8];
	size_t used;            /* bytes that may be nonzero */
} lkmark_t;
void lkmark_init(lkmark_t *m);
void lkmark_set(lkmark_t *m, size_t i);
bool lkmark_get(const lkmark_t *m, size_t i);
void lkmark_free(lkmark_t *m);

/* replace every lookup in w by its result; returns EX_OK or EX_TEMPFAIL */
int rw_lookups(rwctx_t *cx, tokvec_t *w, const lkmark_t *mk);
/* run-time text ($&x values, lookup keys and results) tokenized as an
 * address is, appended to out */
void rw_tokenize(rwctx_t *cx, const char *text, tokvec_t *out);

#endif
