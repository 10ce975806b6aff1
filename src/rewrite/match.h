/* match.h - left-hand side matching (see match.c). */
#ifndef SM_MATCH_H
#define SM_MATCH_H
#include "rewrite/rewrite.h"

#define MAXMATCH 9

typedef struct binding {
	size_t start, len;
} binding_t;

/* returns the number of bindings (>= 0) on a match, -1 otherwise */
int rule_match(rwctx_t *cx, const rule_t *r, const tokvec_t *in, binding_t *b);
/* token equality as rules see it (words ignore case) */
bool tok_eq(const tok_t *a, const tok_t *b);

#endif
