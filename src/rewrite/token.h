/* token.h - address tokens and token vectors.
 *
 * An address (or one side of a rewriting rule) is a vector of tokens.
 * A token is either a word (op == OP_WORD, text in s) or one of the
 * rewriting operators written "$x" in sendmail.cf.  Operators that name
 * a macro or class ($=x $~x $&x) keep its id in arg; $1..$9 keep the
 * digit.  Words typed by a user never become operators, even "$|". */
#ifndef SM_TOKEN_H
#define SM_TOKEN_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/buf.h"

enum tok_op {
	OP_WORD = 0,
	OP_ZANY,     /* $*  */
	OP_ANY,      /* $+  */
	OP_ONE,      /* $-  */
	OP_CLASS,    /* $=x */
	OP_NCLASS,   /* $~x */
	OP_REPL,     /* $1..$9 */
	OP_NET,      /* $#  */
	OP_HOST,     /* $@  */
	OP_USER,     /* $:  */
	OP_CALL,     /* $>  */
	OP_HBEGIN,   /* $[  */
	OP_HEND,     /* $]  */
	OP_LBEGIN,   /* $(  */
	OP_LEND,     /* $)  */
	OP_DEFER,    /* $&x */
	OP_CONDIF,   /* $?  */
	OP_CONDELSE, /* $|  */
	OP_CONDFI,   /* $.  */
	OP_QUOTE8,   /* $"  (unused marker) */
};

typedef struct tok {
	const char *s;      /* word text; NULL for operators */
	unsigned len : 31;  /* strlen(s) for words */
	unsigned plain : 1; /* no control or 8-bit bytes: printed as is */
	unsigned char op;
	unsigned char sbit; /* its member of a tokset (below), 0 for none */
	short arg;          /* macro/class id, digit, cached ruleset number */
} tok_t;

/* A growable vector of tokens; words point into an arena owned by
 * whoever built the vector (rules: the cf; addresses: a tokbuf). */
typedef struct tokvec {
	tok_t *v;
	size_t n, cap;
} tokvec_t;

#define MAXATOM 1000        /* tokens in an address, as the reference */
#define MAXNAME 256         /* bytes in an address token buffer */

void tv_init(tokvec_t *tv);
/* an empty vector whose storage may be reused from earlier ones, and
 * the way back: rewriting builds many short-lived vectors */
void tv_take(tokvec_t *tv);
void tv_give(tokvec_t *tv);
void tv_free(tokvec_t *tv);
void tv_push_slow(tokvec_t *tv, tok_t t);
static inline void tv_push(tokvec_t *tv, tok_t t)
{
	if (tv->n < tv->cap)
		tv->v[tv->n++] = t;
	else
		tv_push_slow(tv, t);
}
void tv_clear(tokvec_t *tv);
/* append n tokens at once */
void tv_append(tokvec_t *tv, const tok_t *src, size_t n);
tok_t tok_word(const char *s);

/* the character after '$' for an operator, or 0 */
int tok_op_char(int op);
extern const unsigned char tok_op_of_char[256];
static inline int tok_op_from_char(int c)
{
	return c > 0 && c < 256 ? tok_op_of_char[c] : 0;
}

/* A set of "small" tokens: one-character words (operator characters)
 * and operator tokens.  A rule whose left side needs tokens the
 * workspace does not have cannot match: rewriting skips it at once. */
typedef struct tokset {
	unsigned long long w[4];
} tokset_t;

void tokset_clear(tokset_t *s);

/* a token's member: operators 128 + op; one-character words their
 * character, lowercased (rules match words ignoring case) */
static inline unsigned tokset_bit(int op, const char *s)
{
	unsigned k;

	if (op != OP_WORD)
		return 128u + (unsigned)op;
	k = (unsigned char)s[0];
	if (k == 0 || k >= 128 || s[1] != '\0')
		return 0;
	return k >= 'A' && k <= 'Z' ? k + 32 : k;
}

static inline void tokset_add(tokset_t *s, const tok_t *t)
{
	unsigned k = t->sbit;
	if (k != 0)
		s->w[k / 64] |= 1ULL << (k % 64);
}
void tokset_of(tokset_t *s, const tok_t *v, size_t n);

/* an operator token (op != OP_WORD) */
static inline tok_t tok_op(int op, int arg)
{
	tok_t t;
	t.s = NULL;
	t.len = 0;
	t.plain = 1;
	t.op = (unsigned char)op;
	t.sbit = (unsigned char)tokset_bit(op, "");
	t.arg = (short)arg;
	return t;
}
static inline int tokset_empty(const tokset_t *s)
{
	return !(s->w[0] | s->w[1] | s->w[2] | s->w[3]);
}

/* every member of need is in have */
static inline int tokset_covers(const tokset_t *have, const tokset_t *need)
{
	return !((need->w[0] & ~have->w[0]) | (need->w[1] & ~have->w[1]) |
		 (need->w[2] & ~have->w[2]) | (need->w[3] & ~have->w[3]));
}

/* string arena: interns token text for the lifetime of a parse */
typedef struct arena {
	char **chunks;
	size_t nchunks, cap;
	char *cur;
	size_t left;
} arena_t;
void arena_init(arena_t *a);
void arena_free(arena_t *a);
const char *arena_dup(arena_t *a, const char *s, size_t n);
/* n bytes aligned for any token or pointer, freed with the arena */
void *arena_alloc(arena_t *a, size_t n);

#endif
