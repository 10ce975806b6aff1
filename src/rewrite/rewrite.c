/* rewrite.c - applying a ruleset (see rewrite.h). */
#include "rewrite/rewrite.h"
#include "rewrite/match.h"
#include "rewrite/lookup.h"
#include "rewrite/scan.h"
#include <string.h>
#include "lib/exitstat.h"
#include "maps/map_cache.h"
#include <stdarg.h>
#include <sysexits.h>

/* a system error during rewriting: printed where the trace goes (the
 * reference's test mode shows it on the terminal) and exit status 70 */
static void rw_error(rwctx_t *cx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void rw_error(rwctx_t *cx, const char *fmt, ...)
{
	FILE *f = cx->trace ? cx->trace : stderr;
	va_list ap;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	sm_set_exitstat(EX_SOFTWARE);
}

/* substitute $n and $&x into out */
static int build_rhs(rwctx_t *cx, const tokvec_t *rhs, size_t from, const tokvec_t *in,
		     const binding_t *b, int nb, tokvec_t *out, int rs, lkmark_t *mk)
{
	size_t i;
	char nbuf[16];

	for (i = from; i < rhs->n; i++) {
		const tok_t *t = &rhs->v[i];
		if (t->op == OP_REPL) {
			if (t->arg < 1 || t->arg > nb) {
				rw_error(cx, "rewrite: ruleset %s: replacement $%d out of bounds",
					 cf_ruleset_name(cx->cf, rs, nbuf, sizeof nbuf), t->arg);
				return EX_CONFIG;
			}
			if (b[t->arg - 1].len > 0)
				tv_append(out, in->v + b[t->arg - 1].start, b[t->arg - 1].len);
		} else if (t->op == OP_DEFER) {
			const char *v = mac_get(&cx->cf->mac, t->arg);
			if (v != NULL && *v != '\0') {
				/* bounded like the reference's expansion buffer */
				buf_t e = BUF_INIT(MAX_EXPAND);
				cf_expand(cx->cf, v, &e);
				rw_tokenize(cx, buf_str(&e), out);
				buf_free(&e);
			}
		} else {
			if (t->op != OP_WORD)
				lkmark_set(mk, out->n);
			tv_push(out, *t);
		}
		if (out->n > MAXATOM) {
			rw_error(cx, "rewrite: expansion too long");
			return EX_DATAERR;
		}
	}
	return EX_OK;
}

/* run $> calls, rightmost first, each over everything to its right */
static int do_calls(rwctx_t *cx, tokvec_t *w)
{
	size_t i = w->n;
	int st = EX_OK;

	while (i-- > 0) {
		tokvec_t sub;
		size_t k;
		int r, target;

		if (w->v[i].op != OP_CALL)
			continue;
		target = w->v[i].arg;
		if (target == -2 && i + 1 < w->n && w->v[i + 1].op == OP_WORD)
			target = cf_ruleset_lookup_quoted(cx->cf, w->v[i + 1].s);
		k = i + 1;
		if (k < w->n && w->v[k].op == OP_WORD)
			k++;   /* the ruleset name token */
		tv_take(&sub);
		if (k < w->n)
			tv_append(&sub, w->v + k, w->n - k);
		if (target < 0 || target >= MAXRWSETS) {
			tv_give(&sub);
			return EX_CONFIG;
		}
		/* an empty ruleset is not entered (and not traced) */
		r = cx->cf->rs[target].n > 0 ? rewrite(cx, target, &sub) : EX_OK;
		if (r != EX_OK && st == EX_OK)
			st = r;
		w->n = i;
		if (sub.n > 0)
			tv_append(w, sub.v, sub.n);
		tv_give(&sub);
		if (r == EX_CONFIG)
			return r;
	}
	return st;
}

typedef struct applied {
	int once, ret;
} applied_t;

/* apply rule r once to *w; returns status */
static int apply(rwctx_t *cx, const rule_t *r, const binding_t *b, int nb, tokvec_t *w,
		 applied_t *how, int rs)
{
	tokvec_t out;
	lkmark_t mk;
	size_t from = 0;
	int st, st2;

	how->once = how->ret = 0;
	if (r->rhs.n > 0 && r->rhs.v[0].op == OP_USER) {
		how->once = 1;
		from = 1;
	} else if (r->rhs.n > 0 && r->rhs.v[0].op == OP_HOST) {
		how->ret = 1;
		from = 1;
	}
	tv_take(&out);
	lkmark_init(&mk);
	st = build_rhs(cx, &r->rhs, from, w, b, nb, &out, rs, &mk);
	if (st != EX_OK) {
		tv_give(&out);
		lkmark_free(&mk);
		return st;
	}
	st = r->lookups ? rw_lookups(cx, &out, &mk) : EX_OK;
	lkmark_free(&mk);
	st2 = r->calls ? do_calls(cx, &out) : EX_OK;
	if (st == EX_OK)
		st = st2;
	tv_give(w);
	*w = out;
	if (w->n > 0 && w->v[0].op == OP_NET)
		how->ret = 1;
	return st;
}

/* does the workspace hold every token of need?  (its set is computed
 * on first use after each change) */
static bool workspace_has(tokset_t *have, bool *ok, const tokvec_t *w, const tokset_t *need)
{
	if (!*ok) {
		tokset_of(have, w->v, w->n);
		*ok = true;
	}
	return tokset_covers(have, need);
}

static int rewrite_set(rwctx_t *cx, int rs, tokvec_t *w)
{
	const ruleset_t *set;
	size_t ri;
	int loops = 0, status = EX_OK;
	char nb_[16];
	tokset_t have;
	bool have_ok = false;   /* have describes w */

	if (rs < 0 || rs >= MAXRWSETS)
		return EX_CONFIG;
	set = &cx->cf->rs[rs];
	rw_trace(cx, rs, "input", w);
	if (cx->depth > MAX_RW_DEPTH) {
		rw_error(cx, "rewrite: excessive recursion (max %d), ruleset %s", MAX_RW_DEPTH,
			 cf_ruleset_name(cx->cf, rs, nb_, sizeof nb_));
		return EX_CONFIG;
	}
	cx->depth++;
	for (ri = 0; ri < set->n;) {
		binding_t b[MAXMATCH];
		applied_t how;
		const rule_t *r = &set->rules[ri];
		int nb, st;

		if (r->pending)    /* first use: tokenized now */
			cf_rule_ready_slow(cx->cf, &cx->cf->rs[rs].rules[ri]);

		/* cheap refusals first: too few tokens, or a needed one absent */
		if (w->n < r->minlen || (r->literal_first && !tok_eq(&r->lhs.v[0], &w->v[0])))
			nb = -1;
		else if (!tokset_empty(&r->need) && !workspace_has(&have, &have_ok, w, &r->need))
			nb = -1;
		else
			nb = rule_match(cx, r, w, b);

		if (nb < 0) {
			ri++;
			loops = 0;
			continue;
		}
		st = apply(cx, r, b, nb, w, &how, rs);
		have_ok = false;
		if (st != EX_OK) {
			status = st;
			if (st == EX_DATAERR) {
				/* the workspace is unusable: no "returns" line */
				cx->depth--;
				if (cx->status == EX_OK)
					cx->status = status;
				return status;
			}
			if (st == EX_CONFIG)
				break;
		}
		if (how.ret)
			break;
		if (how.once) {
			ri++;
			loops = 0;
			continue;
		}
		if (++loops >= MAX_RULE_LOOPS) {
			rw_error(cx, "Infinite loop in ruleset %s, rule %zu",
				 cf_ruleset_name(cx->cf, rs, nb_, sizeof nb_), ri + 1);
			break;
		}
	}
	rw_trace(cx, rs, "returns", w);
	cx->depth--;
	if (status != EX_OK && cx->status == EX_OK)
		cx->status = status;
	return status;
}

/* a top-level call is one decision for the maps' change checks */
int rewrite(rwctx_t *cx, int rs, tokvec_t *w)
{
	int st;

	if (cx->depth > 0)
		return rewrite_set(cx, rs, w);
	mapcache_decision_begin();
	st = rewrite_set(cx, rs, w);
	mapcache_decision_end();
	return st;
}
