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
/* token equality as rules see it (words ignore ASCII case) */
static inline bool tok_eq(const tok_t *a, const tok_t *b)
{
	const unsigned char *x, *y;

	if (a->op != b->op)
		return false;
	if (a->op != OP_WORD)
		return a->arg == b->arg;
	if (a->len != b->len)
		return false;
	x = (const unsigned char *)a->s;
	y = (const unsigned char *)b->s;
	for (;; x++, y++) {
		unsigned char cx = *x, cy = *y;
		if (cx != cy) {
			if (cx >= 'A' && cx <= 'Z')
				cx += 32;
			if (cy >= 'A' && cy <= 'Z')
				cy += 32;
			if (cx != cy)
				return false;
		}
		if (cx == '\0')
			return true;
	}
}

#endif
