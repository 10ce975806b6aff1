/* parseaddr.c - from address text to a mailer triple (see parseaddr.h). */
#include "addr/parseaddr.h"
#include "addr/crack.h"
#include "rewrite/rewrite.h"
#include "rewrite/scan.h"
#include "lib/xalloc.h"
#include "lib/str.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

void cataddr(const tok_t *v, size_t n, int spacesub, buf_t *out)
{
	tok_cataddr(v, n, spacesub, out);
}

int dsn_to_exitstat(const char *dsn)
{
	int cls, subj, det;
	if (sscanf(dsn, "%d.%d.%d", &cls, &subj, &det) != 3)
		return EX_UNAVAILABLE;
	if (cls == 2)
		return EX_OK;
	if (cls == 4)
		return EX_TEMPFAIL;
	switch (subj) {
	case 1:
		switch (det) {
		case 1: return EX_NOUSER;
		case 2: case 8: return EX_NOHOST;
		case 3: case 7: return EX_USAGE;
		case 5: return EX_OK;
		}
		return EX_DATAERR;
	case 5: return EX_PROTOCOL;
	case 7: return EX_DATAERR;
	}
	return EX_UNAVAILABLE;
}

void addr_free(addr_t *a)
{
	free(a->mailer_name);
	free(a->host);
	free(a->user);
	memset(a, 0, sizeof *a);
}

struct scanctx { FILE *out; };

/* the reference's shortenstring: long texts as first 100 ... last 100 */
static void shorten(const char *addr, char *buf, size_t sz)
{
	size_t l = strlen(addr);
	if (l > 203)
		snprintf(buf, sz, "%.100s...%s", addr, addr + l - 100);
	else
		sm_strlcpy(buf, addr, sz);
}

static void scan_err(const char *addr, const char *msg, void *arg)
{
	struct scanctx *sx = arg;
	char shortaddr[256];
	if (sx->out == NULL)
		return;
	shorten(addr, shortaddr, sizeof shortaddr);
	fprintf(sx->out, "%s... %s\n", shortaddr, msg);
}

/* tokenize an envelope/header address; -1 when it cannot be parsed */
int addr_scan(FILE *out, const char *addr, tokvec_t *tv, arena_t *ar, bool checklen)
{
	scanner_t sc;
	struct scanctx sx = { out };

	memset(&sc, 0, sizeof sc);
	sc.mode = SCAN_EXT;
	sc.err = scan_err;
	sc.errarg = &sx;
	sc.max_token = MAXNAME;
	if (scan_address(&sc, addr, tv, ar) < 0)
		return -1;
	if (checklen && strlen(addr) > MAXNAME - 1) {
		if (out) {
			char shortaddr[256], trunc[MAXNAME];
			sm_strlcpy(trunc, addr, sizeof trunc);
			shorten(trunc, shortaddr, sizeof shortaddr);
			fprintf(out, "%s... Address \"%.*s\" too long (%d bytes max)\n", shortaddr,
				MAXNAME - 1, addr, MAXNAME - 1);
		}
		return -1;
	}
	return 0;
}

static void rwinit(rwctx_t *cx, cf_t *cf, FILE *out, arena_t *ar)
{
	memset(cx, 0, sizeof *cx);
	cx->cf = cf;
	cx->trace = out;
	cx->ar = ar;
}

/* locate $# $@ $: parts of a resolved vector */
static void triple_parts(const tokvec_t *tv, size_t *m0, size_t *h0, size_t *hn, size_t *u0, size_t *un)
{
	size_t i, at = tv->n, colon = tv->n;
	for (i = 1; i < tv->n; i++) {
		if (tv->v[i].op == OP_HOST && at == tv->n && colon == tv->n)
			at = i;
		else if (tv->v[i].op == OP_USER && colon == tv->n)
			colon = i;
	}
	*m0 = 1;
	*h0 = at < tv->n ? at + 1 : tv->n;
	*hn = at < tv->n ? (colon < tv->n ? colon : tv->n) - *h0 : 0;
	*u0 = colon < tv->n ? colon + 1 : tv->n;
	*un = tv->n - *u0;
}

/* the message of an error triple: quotes removed, leading code kept */
static void error_text(const tokvec_t *tv, size_t u0, size_t un, buf_t *msg)
{
	buf_t raw = BUF_INIT(0);
	const char *p;
	cataddr(&tv->v[u0], un, ' ', &raw);
	for (p = buf_str(&raw); *p; p++)
		if (*p != '"')
			buf_addc(msg, *p);
	buf_free(&raw);
}

/* rulesets first, then the mailer's (if any), then 4; a temporary
 * failure is remembered but rewriting goes on, as the reference does */
static int run_chain(rwctx_t *cx, tokvec_t *tv, int first, int mailer_rs)
{
	int st = rewrite(cx, first, tv), r;
	if (st == EX_CONFIG || st == EX_DATAERR)
		return st;
	if (mailer_rs > 0) {
		r = rewrite(cx, mailer_rs, tv);
		if (r == EX_CONFIG || r == EX_DATAERR)
			return r;
		if (st == EX_OK)
			st = r;
	}
	r = rewrite(cx, 4, tv);
	return st == EX_OK ? r : st;
}

static int user_rewrite(cf_t *cf, FILE *out, arena_t *ar, mailer_t *m, unsigned flags,
			tokvec_t *tvp, int spacesub, buf_t *user)
{
	rwctx_t cx;
	tokvec_t tv = *tvp;
	int st;

	/* the reference resolves the user part as an envelope recipient
	 * whatever the address's role: ruleset 2, then the mailer's R= */
	(void)flags;
	rwinit(&cx, cf, out, ar);
	st = run_chain(&cx, &tv, 2, m->re);
	cataddr(tv.v, tv.n, spacesub, user);
	*tvp = tv;
	return st;
}

static int blanksub(const cf_t *cf)
{
	const char *b = opt_str(&cf->opt, OPT_BlankSub);
	return b && *b ? (unsigned char)*b : ' ';
}

/* the user part: :include: lists, rewriting for the mailer, then
 * programs and files for the local mailer */
static int build_user(cf_t *cf, FILE *out, arena_t *ar, addr_t *a, unsigned flags,
		      const tok_t *v, size_t n)
{
	int st;
	buf_t u = BUF_INIT(0), raw = BUF_INIT(0);
	bool local = strcmp(a->mailer->name, "local") == 0 &&
		     (a->mailer->path == NULL || strcmp(a->mailer->path, "[IPC]") != 0);
	tokvec_t tv;
	size_t i;

	cataddr(v, n, 0, &raw);
	if (local && !(flags & RF_SENDERADDR) && strncasecmp(buf_str(&raw), ":include:", 9) == 0) {
		a->mailer = cf_mailer(cf, "*include*");
		a->mailer_name = xstrdup("*include*");
		a->user = xstrdup(buf_str(&raw) + 9);
		buf_free(&raw);
		return EX_OK;
	}
	buf_free(&raw);
	tv_init(&tv);
	for (i = 0; i < n; i++)
		tv_push(&tv, v[i]);
	st = user_rewrite(cf, out, ar, a->mailer, flags, &tv, blanksub(cf), &u);
	tv_free(&tv);
	/* "|prog args" and "/file": a program or file whole in quotes (a
	 * .forward line '"|vacation bob"') is one too, without the quotes */
	if (local && !(flags & RF_SENDERADDR) && u.len > 3 && u.p[0] == '"' &&
	    u.p[u.len - 1] == '"' && (u.p[1] == '|' || u.p[1] == '/') &&
	    memchr(u.p + 1, '"', u.len - 2) == NULL) {
		memmove(u.p, u.p + 1, u.len - 2);
		u.len -= 2;
		u.p[u.len] = '\0';
	}
	if (local && !(flags & RF_SENDERADDR) && (u.len > 0 && (u.p[0] == '|' || u.p[0] == '/'))) {
		a->mailer = cf_mailer(cf, u.p[0] == '|' ? "prog" : "*file*");
	}
	if (a->mailer && !a->mailer->flags['u'])
		sm_lower(u.p ? u.p : (char *)"");
	a->mailer_name = xstrdup(a->mailer ? a->mailer->name : "?");
	a->user = buf_steal(&u);
	return st;
}

/* the resolved vector tv ($# mailer $@ host $: user) into a; st is the
 * rulesets' status so far.  Returns 0, or -1 when tv did not resolve. */
static int triple_to_addr(cf_t *cf, FILE *out, const char *addr, arena_t *ar, tokvec_t *tv,
			  unsigned flags, int st, addr_t *a)
{
	size_t m0, h0, hn, u0, un;
	buf_t h = BUF_INIT(0), u = BUF_INIT(0);
	int rc = 0;

	if (tv->n < 2 || tv->v[0].op != OP_NET || tv->v[1].op != OP_WORD) {
		if (out)
			fprintf(out, "%s... 553 5.3.5 ruleset 0 did not resolve to a mailer\n", addr);
		return -1;
	}
	triple_parts(tv, &m0, &h0, &hn, &u0, &un);
	cataddr(&tv->v[h0], hn, 0, &h);
	sm_lower(h.p ? h.p : (char *)"");
	a->host = buf_steal(&h);
	if (strcasecmp(tv->v[1].s, "error") == 0) {
		buf_t msg = BUF_INIT(0);
		const char *t;
		error_text(tv, u0, un, &msg);
		t = buf_str(&msg);
		if (isdigit((unsigned char)t[0]) && isdigit((unsigned char)t[1]) &&
		    isdigit((unsigned char)t[2]) && t[3] == ' ')
			t += 4;
		if (out)
			fprintf(out, "%s... %s\n", addr, t);
		buf_free(&msg);
		a->mailer_name = xstrdup("*error*");
		cataddr(&tv->v[u0], un, ' ', &u);
		a->user = buf_steal(&u);
		a->exitstat = dsn_to_exitstat(a->host);
		return 0;
	}
	a->mailer = cf_mailer(cf, tv->v[1].s);
	if (a->mailer == NULL) {
		if (out)
			fprintf(out, "%s... 553 5.3.5 unknown mailer %s\n", addr, tv->v[1].s);
		rc = -1;
	} else {
		if (build_user(cf, out, ar, a, flags, &tv->v[u0], un) == EX_TEMPFAIL)
			st = EX_TEMPFAIL;
		if (st == EX_TEMPFAIL && out)
			fprintf(out, "%s... Transient parse error -- message queued for future delivery\n", addr);
	}
	return rc;
}

int parseaddr(cf_t *cf, FILE *out, const char *addr, unsigned flags, addr_t *a)
{
	tokvec_t tv;
	arena_t ar;
	rwctx_t cx;
	int rc = 0, st, st2 = EX_OK;

	memset(a, 0, sizeof *a);
	tv_init(&tv);
	arena_init(&ar);
	if (addr_scan(out, addr, &tv, &ar, true) < 0) {
		rc = -1;
		goto done;
	}
	rwinit(&cx, cf, out, &ar);
	st = rewrite(&cx, 3, &tv);
	if (st != EX_CONFIG && st != EX_DATAERR)
		st2 = rewrite(&cx, 0, &tv);
	if (st == EX_OK)
		st = st2;
	rc = triple_to_addr(cf, out, addr, &ar, &tv, flags, st, a);
done:
	tv_free(&tv);
	arena_free(&ar);
	return rc;
}

/* ruleset 5 for a local address without an alias (mailer flag 5): 1
 * with the new triple in na when it names another delivery, 0 when the
 * address stays as it is, -1 on error */
int localaddr_reroute(cf_t *cf, FILE *out, const addr_t *a, addr_t *na)
{
	tokvec_t tv;
	arena_t ar;
	rwctx_t cx;
	int rc = 0, st;

	memset(na, 0, sizeof *na);
	if (a->mailer == NULL || !a->mailer->flags['5'] || a->user == NULL || !*a->user ||
	    cf->rs[5].rules == NULL)
		return 0;
	tv_init(&tv);
	arena_init(&ar);
	if (addr_scan(NULL, a->user, &tv, &ar, false) < 0)
		goto done;
	rwinit(&cx, cf, NULL, &ar);
	{
		/* $&h is the address's host while ruleset 5 runs (+detail) */
		const char *oh = mac_get(&cf->mac, 'h');
		char *saved = oh ? xstrdup(oh) : NULL;
		mac_define(&cf->mac, 'h', a->host && *a->host ? a->host : NULL);
		st = rewrite(&cx, 5, &tv);
		mac_define(&cf->mac, 'h', saved);
		free(saved);
	}
	if (tv.n < 2 || tv.v[0].op != OP_NET)
		goto done;
	rc = triple_to_addr(cf, out, a->user, &ar, &tv, RF_RECIPADDR, st, na) < 0 ? -1 : 1;
	if (rc == 1 && na->mailer == a->mailer && strcmp(na->user ? na->user : "", a->user) == 0 &&
	    strcmp(na->host ? na->host : "", a->host ? a->host : "") == 0)
		rc = 0;
	if (rc != 1)
		addr_free(na);
done:
	tv_free(&tv);
	arena_free(&ar);
	return rc;
}

int remotename(cf_t *cf, FILE *out, const char *addr, mailer_t *m, unsigned flags, buf_t *res)
{
	tokvec_t tv;
	arena_t ar;
	rwctx_t cx;
	buf_t fancy = BUF_INIT(0), name = BUF_INIT(0);
	int st, rs;

	tv_init(&tv);
	arena_init(&ar);
	crackaddr(addr, &fancy);
	if (addr_scan(out, addr, &tv, &ar, false) < 0) {
		buf_adds(res, addr);
		st = EX_OK;
		goto done;
	}
	rwinit(&cx, cf, out, &ar);
	if (flags & RF_SENDERADDR)
		rs = (flags & RF_HEADERADDR) ? m->sh : m->se;
	else
		rs = (flags & RF_HEADERADDR) ? m->rh : m->re;
	st = rewrite(&cx, 3, &tv);
	if (st != EX_CONFIG && st != EX_DATAERR) {
		int st2 = run_chain(&cx, &tv, (flags & RF_SENDERADDR) ? 1 : 2, rs);
		if (st == EX_OK)
			st = st2;
	}
	cataddr(tv.v, tv.n, blanksub(cf), &name);
	if ((flags & RF_CANONICAL) || m->flags['c'])
		buf_adds(res, buf_str(&name));
	else
		crack_fill(buf_str(&fancy), buf_str(&name), res);
done:
	buf_free(&fancy);
	buf_free(&name);
	tv_free(&tv);
	arena_free(&ar);
	return st;
}

static bool tok_is(const tok_t *t, char c)
{
	return t->s != NULL && t->len == 1 && t->s[0] == c;
}

void addr_bare(const char *addr, buf_t *out)
{
	tokvec_t tv;
	arena_t ar;
	size_t from = 0, to, i;

	tv_init(&tv);
	arena_init(&ar);
	if (addr_scan(NULL, addr, &tv, &ar, false) < 0) {
		buf_adds(out, addr);
	} else {
		to = tv.n;
		for (i = 0; i < tv.n && !tok_is(&tv.v[i], '<'); i++)
			;
		if (i < tv.n) {
			from = i + 1;
			for (to = from; to < tv.n && !tok_is(&tv.v[to], '>'); to++)
				;
		}
		cataddr(tv.v + from, to - from, 0, out);
	}
	tv_free(&tv);
	arena_free(&ar);
}

/* the envelope sender as -bt "/sender" shows it: rulesets 3, 1, 4 */
int sender_name(cf_t *cf, FILE *out, const char *addr, buf_t *res)
{
	tokvec_t tv;
	arena_t ar;
	rwctx_t cx;
	int st;

	tv_init(&tv);
	arena_init(&ar);
	if (addr_scan(NULL, addr, &tv, &ar, false) < 0) {
		buf_adds(res, addr);
		tv_free(&tv);
		arena_free(&ar);
		return EX_USAGE;
	}
	rwinit(&cx, cf, out, &ar);
	st = rewrite(&cx, 3, &tv);
	if (st == EX_OK)
		st = rewrite(&cx, 1, &tv);
	if (st == EX_OK)
		st = rewrite(&cx, 4, &tv);
	cataddr(tv.v, tv.n, 0, res);
	tv_free(&tv);
	arena_free(&ar);
	return st;
}

int localaddr_resolve(cf_t *cf, addr_t *a)
{
	addr_t na;
	int i;

	/* the result may go through ruleset 5 again (user+detail, then
	 * user with the detail as host); a few rounds at most */
	for (i = 0; i < 4 && localaddr_reroute(cf, NULL, a, &na) == 1; i++) {
		addr_free(a);
		*a = na;
		/* "@user": final, ruleset 5 is not asked again */
		if (a->user != NULL && a->user[0] == '@' && a->user[1] != '\0') {
			memmove(a->user, a->user + 1, strlen(a->user));
			return i + 1;
		}
	}
	return i;
}
