/* match.c - matching a rule's left-hand side against the workspace.
 *
 * Depth-first with the shortest match first for $*, $+ and $=x, which
 * yields the same bindings as the reference.  A step budget bounds the
 * work a hostile address can cause with patterns like "$* $* $* x". */
#include "rewrite/match.h"
#include "conf/class.h"
#include <string.h>
#include <strings.h>

#define MATCH_BUDGET 2000000L
#define CLASS_SPAN_MAX (MAXNAME * 2)

typedef struct mstate {
	rwctx_t *cx;
	const tok_t *lhs;
	size_t nl;
	const tok_t *in;
	size_t ni;
	binding_t *b;
	long budget;
} mstate_t;


/* match a run-time macro value against tokens starting at ii; returns
 * the number of tokens consumed or -1 */
static long defer_span(mstate_t *st, int id, size_t ii)
{
	const char *v = mac_get(&st->cx->cf->mac, id);
	size_t k = 0;

	if (v == NULL)
		v = "";
	while (*v) {
		size_t l;
		if (ii + k >= st->ni || st->in[ii + k].op != OP_WORD)
			return -1;
		l = strlen(st->in[ii + k].s);
		if (strncasecmp(v, st->in[ii + k].s, l) != 0)
			return -1;
		v += l;
		k++;
		if (l == 0)
			return -1;
	}
	return (long)k;
}

static bool m(mstate_t *st, size_t li, size_t ii, int nb);

static void bind(mstate_t *st, int nb, size_t start, size_t len)
{
	if (nb < MAXMATCH) {
		st->b[nb].start = start;
		st->b[nb].len = len;
	}
}

/* bind variable nb to in[ii..ii+k) and match the rest of the pattern */
static bool bind_rest(mstate_t *st, size_t li, size_t ii, size_t k, int nb)
{
	bind(st, nb, ii, k);
	return m(st, li + 1, ii + k, nb + 1);
}

/* a pattern token that matches one equal token: a word or a literal operator */
static bool literal_op(int op)
{
	return op == OP_WORD || op == OP_CONDELSE || op == OP_NET || op == OP_USER;
}

/* $* or $+ at lhs[li]: the shortest span that lets the rest match */
static bool match_any(mstate_t *st, size_t li, size_t ii, int nb)
{
	const tok_t *p = &st->lhs[li];
	size_t k, k0 = p->op == OP_ANY ? 1 : 0, rest = st->ni - ii;
	const tok_t *next = li + 1 < st->nl ? &st->lhs[li + 1] : NULL;

	if (next == NULL) {
		/* last on the left: it takes everything that is left */
		if (rest < k0)
			return false;
		bind(st, nb, ii, rest);
		return true;
	}
	for (k = k0; k <= rest; k++) {
		/* a literal next: only positions where it stands can work */
		if (literal_op(next->op)) {
			while (ii + k < st->ni && !tok_eq(next, &st->in[ii + k]))
				k++;
			if (ii + k >= st->ni)
				return false;
		}
		if (bind_rest(st, li, ii, k, nb))
			return true;
	}
	return false;
}

/* $=x at lhs[li]: spans of 1, 2, ... tokens joined as cataddr joins
 * them, built up one token at a time; no class member is longer than
 * CLASS_SPAN_MAX, so longer spans stop the search */
static bool match_class(mstate_t *st, size_t li, size_t ii, int nb)
{
	char span[CLASS_SPAN_MAX + 1];
	size_t k, len = 0, rest = st->ni - ii;
	unsigned h = class_hash_init();
	const tok_t *lit = NULL;
	int cls = st->lhs[li].arg;

	if (li + 1 < st->nl && literal_op(st->lhs[li + 1].op))
		lit = &st->lhs[li + 1];
	for (k = 1; k <= rest; k++) {
		const tok_t *t = &st->in[ii + k - 1];
		size_t l;
		if (t->op != OP_WORD || --st->budget < 0)
			break;
		l = t->len;
		if (k > 1 && tok_is_atom(t) && tok_is_atom(t - 1)) {
			if (len + 1 > CLASS_SPAN_MAX)
				break;
			span[len] = (char)tok_spacesub();
			h = class_hash_add(h, span + len, 1);
			len++;
		}
		if (len + l > CLASS_SPAN_MAX)
			break;
		memcpy(span + len, t->s, l);
		h = class_hash_add(h, t->s, l);
		len += l;
		/* a literal next in the pattern must stand right after
		 * the span: test membership only where it does */
		if (lit != NULL && (ii + k >= st->ni || !tok_eq(lit, &st->in[ii + k])))
			continue;
		if (!class_has_hashed(cls, span, len, h))
			continue;
		if (bind_rest(st, li, ii, k, nb))
			return true;
	}
	return false;
}

/* match lhs[li..] against in[ii..]: operators that take one position
 * advance in this loop; $* $+ $=x search their span (and recurse) */
static bool m(mstate_t *st, size_t li, size_t ii, int nb)
{
	for (;; li++) {
		const tok_t *p;

		if (--st->budget < 0)
			return false;
		if (li == st->nl)
			return ii == st->ni;
		p = &st->lhs[li];
		switch (p->op) {
		case OP_ZANY:
		case OP_ANY:
			return match_any(st, li, ii, nb);
		case OP_CLASS:
			return match_class(st, li, ii, nb);
		case OP_NCLASS:
			if (ii >= st->ni || st->in[ii].op != OP_WORD || class_has(p->arg, st->in[ii].s))
				return false;
			bind(st, nb++, ii++, 1);
			break;
		case OP_ONE:
			if (ii >= st->ni)
				return false;
			bind(st, nb++, ii++, 1);
			break;
		case OP_HOST:   /* $@ on the left matches zero tokens */
			break;
		case OP_DEFER: {
			long n = defer_span(st, p->arg, ii);
			if (n < 0)
				return false;
			ii += (size_t)n;
			break;
		}
		default:
			if (ii >= st->ni || !tok_eq(p, &st->in[ii]))
				return false;
			ii++;
			break;
		}
	}
}

int rule_match(rwctx_t *cx, const rule_t *r, const tokvec_t *in, binding_t *b)
{
	mstate_t st = { cx, r->lhs.v, r->lhs.n, in->v, in->n, b, MATCH_BUDGET };

	if (!m(&st, 0, 0, 0))
		return -1;
	return r->nbind;
}
