/* rewrite.h - the rewriting engine: runs a ruleset over a token vector.
 *
 * Semantics follow sendmail.cf: rules are tried in order; a matching
 * rule is applied repeatedly unless its RHS starts with $: (once) or
 * $@ (return); a $# result returns.  After substitution, $[ $] and
 * $( $) lookups are done left to right, then $> calls right to left. */
#ifndef SM_REWRITE_H
#define SM_REWRITE_H
#include <stdio.h>
#include "conf/cf.h"
#include "rewrite/token.h"

#define MAX_RULE_LOOPS 100     /* a rule applying itself more often loops */
#define MAX_RW_DEPTH   50      /* nested $> calls */
#define MAX_EXPAND     4096    /* bytes a $&x expansion may produce */

typedef struct rwctx {
	cf_t *cf;
	FILE *trace;          /* where "ruleset input:" lines go; NULL: none */
	arena_t *ar;          /* texts of tokens created while rewriting */
	int depth;
	int status;           /* worst status seen (EX_OK, EX_TEMPFAIL, ...) */
} rwctx_t;

/* Rewrite pvp by ruleset rs in place. Returns EX_OK or an error status
 * (EX_CONFIG for loops and bad rulesets, EX_DATAERR for overflow,
 * EX_TEMPFAIL when a map lookup failed temporarily). */
int rewrite(rwctx_t *cx, int rs, tokvec_t *pvp);

/* Print tokens as the reference's traces do: each preceded by a blank */
void tok_print(FILE *f, const tokvec_t *tv);
void tok_print_one(FILE *f, const tok_t *t);
/* render one token into a buffer (same visible form as tok_print) */
void tok_render(buf_t *b, const tok_t *t);
/* concatenate word texts without separators */
void tok_cat(const tok_t *v, size_t n, buf_t *out);
/* join tokens as the reference's cataddr: a blank (or spacesub) only
 * between two atoms, bounded like the reference's name buffer */
void tok_cataddr(const tok_t *v, size_t n, int spacesub, buf_t *out);
/* the blank substitute used when spacesub is 0 (the BlankSub option) */
void tok_set_spacesub(int c);
int tok_spacesub(void);
/* an atom: a word that is not an operator character, quote or comment */
bool tok_is_atom(const tok_t *t);

/* print "NAME input:" style header lines */
void rw_trace(rwctx_t *cx, int rs, const char *what, const tokvec_t *tv);

/* hook for $[ $] and $( $): set by the maps layer; returns MAP_* */
typedef int (*rw_lookup_fn)(const char *map, const char *key, const char **args,
			    int nargs, buf_t *result);

#endif
