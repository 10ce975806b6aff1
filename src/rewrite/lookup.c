/* lookup.c - $[ host $] and $( map key $@ arg $: default $) during
 * rewriting.  Keys and arguments are the token texts joined without
 * blanks; a found value is re-tokenized, otherwise the default (or the
 * key itself) stays.  A temporary failure leaves the key with the map's
 * -T text appended when it has one, and is reported to the caller. */
#include "rewrite/lookup.h"
#include "maps/map.h"
#include "rewrite/scan.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define MAX_MAP_ARGS 10

typedef struct lk {
	size_t key0, keyn;           /* key token range */
	size_t arg0[MAX_MAP_ARGS], argn[MAX_MAP_ARGS];
	int nargs;
	size_t def0, defn;
	bool has_def;
} lk_t;

void lkmark_init(lkmark_t *m)
{
	m->used = 0;
}

void lkmark_set(lkmark_t *m, size_t i)
{
	size_t byte = i / 8;
	if (byte >= sizeof m->bits)
		return;   /* past MAXATOM: rewriting stops there anyway */
	if (byte >= m->used) {
		memset(m->bits + m->used, 0, byte + 1 - m->used);
		m->used = byte + 1;
	}
	m->bits[byte] |= (unsigned char)(1u << (i % 8));
}

bool lkmark_get(const lkmark_t *m, size_t i)
{
	return i / 8 < m->used && (m->bits[i / 8] & (1u << (i % 8)));
}

void lkmark_free(lkmark_t *m)
{
	m->used = 0;
}

/* a structural operator: one the rule wrote, not substituted data */
static bool is_op(const tokvec_t *w, const lkmark_t *mk, size_t i, int op)
{
	return w->v[i].op == op && lkmark_get(mk, i);
}

/* split tokens between begin (exclusive) and end into key, $@ args, $: default */
static void split(const tokvec_t *w, const lkmark_t *mk, size_t b, size_t e, lk_t *l)
{
	size_t i;
	int part = 0;   /* 0 key, 1 arg, 2 default */

	memset(l, 0, sizeof *l);
	l->key0 = b;
	for (i = b; i < e; i++) {
		if (is_op(w, mk, i, OP_HOST) && part != 2) {
			if (l->nargs < MAX_MAP_ARGS) {
				l->arg0[l->nargs] = i + 1;
				l->nargs++;
			}
			part = 1;
			continue;
		}
		if (is_op(w, mk, i, OP_USER)) {
			/* a second $: starts the default again */
			part = 2;
			l->has_def = true;
			l->def0 = i + 1;
			l->defn = 0;
			continue;
		}
		if (part == 0)
			l->keyn++;
		else if (part == 1)
			l->argn[l->nargs - 1]++;
		else
			l->defn++;
	}
}

static void rescan_err(const char *addr, const char *msg, void *arg)
{
	rwctx_t *cx = arg;
	FILE *f = cx->trace ? cx->trace : stdout;
	fprintf(f, "%s... %s\n", addr, msg);
}

/* text produced at run time -- a lookup's key, result or default, a
 * $&x value -- tokenized as an address is (comments dropped, unbalanced
 * brackets said and repaired: the reference's $_ carries "(may be
 * forged)", which no rule sees); a value that cannot be scanned yields
 * nothing */
void rw_tokenize(rwctx_t *cx, const char *text, tokvec_t *out)
{
	scanner_t sc;
	tokvec_t tmp;
	size_t i;

	if (*text == '\0')
		return;
	memset(&sc, 0, sizeof sc);
	sc.mode = SCAN_EXT;
	sc.max_token = 64 * 1024;
	sc.err = rescan_err;
	sc.errarg = cx;
	tv_take(&tmp);
	if (scan_address(&sc, text, &tmp, cx->ar) == 0)
		for (i = 0; i < tmp.n; i++)
			tv_push(out, tmp.v[i]);
	tv_give(&tmp);
}

/* would scanning this word's text give back exactly this one token? */
static bool scans_as_itself(const tok_t *t)
{
	const unsigned char *p;
	if (t->op != OP_WORD || !t->plain || t->len == 0)
		return false;
	for (p = (const unsigned char *)t->s; *p; p++)
		if (scan_special[*p] || *p == '"' || *p == '\\' || *p == ' ' ||
		    *p == '(' || *p == ')')
			return false;
	return true;
}

static size_t find_end(const tokvec_t *w, const lkmark_t *mk, size_t from, int endop)
{
	size_t i;
	for (i = from; i < w->n; i++)
		if (is_op(w, mk, i, endop))
			return i;
	return w->n;
}

static int one_lookup(rwctx_t *cx, const tokvec_t *w, const lkmark_t *mk, size_t b, size_t e,
		      const char *mapname, tokvec_t *out)
{
	lk_t l;
	/* reused from call to call: a lookup never runs another lookup */
	static buf_t key = BUF_INIT(0), res = BUF_INIT(0), argb[MAX_MAP_ARGS];
	const char *args[MAX_MAP_ARGS];
	map_t *m;
	int i, st = MAP_OK, found = 0;
	size_t j;

	split(w, mk, b, e, &l);
	buf_reset(&key);
	buf_reset(&res);
	tok_cataddr(&w->v[l.key0], l.keyn, 0, &key);
	for (i = 0; i < l.nargs; i++) {
		buf_reset(&argb[i]);
		tok_cataddr(&w->v[l.arg0[i]], l.argn[i], 0, &argb[i]);
		args[i] = buf_str(&argb[i]);
	}
	m = map_find(mapname);
	if (m == NULL) {
		fflush(stdout);
		fprintf(stderr, "rewrite: map %s not found\n", mapname);
	} else
		found = map_lookup(m, buf_str(&key), args, l.nargs, &res, &st);
	if (!found && st == MAP_TEMPFAIL && m && m->tapp) {
		buf_adds(&key, m->tapp);
		rw_tokenize(cx, buf_str(&key), out);
	} else if (found)
		rw_tokenize(cx, buf_str(&res), out);
	else if (l.has_def && l.defn == 1 && scans_as_itself(&w->v[l.def0]))
		tv_push(out, w->v[l.def0]);   /* e.g. "?": re-scanning gives it back */
	else if (l.has_def) {
		buf_t d = BUF_INIT(0);
		tok_cataddr(&w->v[l.def0], l.defn, 0, &d);
		rw_tokenize(cx, buf_str(&d), out);
		buf_free(&d);
	} else {
		for (j = 0; j < l.keyn; j++)
			tv_push(out, w->v[l.key0 + j]);
	}
	/* -t: the -T text is still appended, but the failure is not reported */
	if (st == MAP_TEMPFAIL && m && (m->flags & MF_TEMPFAILNOMATCH))
		return EX_OK;
	return st == MAP_TEMPFAIL ? EX_TEMPFAIL : EX_OK;
}

int rw_lookups(rwctx_t *cx, tokvec_t *w, const lkmark_t *mk)
{
	tokvec_t out;
	size_t i;
	int st = EX_OK;

	for (i = 0; i < w->n; i++)
		if (is_op(w, mk, i, OP_HBEGIN) || is_op(w, mk, i, OP_LBEGIN))
			break;
	if (i == w->n)
		return EX_OK;
	tv_take(&out);
	for (i = 0; i < w->n; i++) {
		const tok_t *t = &w->v[i];
		size_t e;
		int r;

		if (is_op(w, mk, i, OP_HBEGIN)) {
			e = find_end(w, mk, i + 1, OP_HEND);
			r = one_lookup(cx, w, mk, i + 1, e, "host", &out);
		} else if (is_op(w, mk, i, OP_LBEGIN) && i + 1 < w->n && w->v[i + 1].op == OP_WORD) {
			e = find_end(w, mk, i + 2, OP_LEND);
			r = one_lookup(cx, w, mk, i + 2, e, w->v[i + 1].s, &out);
		} else {
			tv_push(&out, *t);
			continue;
		}
		if (r != EX_OK)
			st = r;
		i = e;   /* skip the end token */
	}
	tv_give(w);
	*w = out;
	return st;
}
