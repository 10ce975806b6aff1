/* expand.c - the recipients of a message as they will be delivered: each
 * queued R line resolved (rulesets 3 and 0), local ones walked through
 * the aliases (src/aliases/alias_expand.c), :include: files and .forward
 * files; what comes out is added to the envelope as new recipients with
 * their controlling user (C line), the A flag for alias results, and the
 * parent's DSN data; duplicates are dropped, unknown local users and
 * unreadable :include: files fail.  The list is then ordered as the
 * reference's send queue is: by host (a message tried before: by address,
 * greatest first, then by host). */
#include "deliver/deliver_int.h"
#include "lib/pwcache.h"
#include "aliases/aliases.h"
#include "aliases/alias_expand.h"
#include "log/log.h"
#include "lib/xalloc.h"
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

typedef struct xstate {
	dctx_t *d;
	drcpt_t *top;        /* the recipient being expanded */
	const char *fwd_user;   /* inside this user's .forward */
	const char *fwd_from;   /* the address that named that user */
	char **forwarded;    /* users whose .forward was read */
	size_t nfwd, capfwd;
	int leaves;
	alias_walk_t *w;
	rcpt_t *last;        /* the top's last descendant in e's list */
	char *fwd_owner;     /* the owner of the .forward being read's user */
} xstate_t;

/* r, just appended to e, moves to right after xs->last: a recipient's
 * expansion stays next to it, before the recipients named after it, as
 * the reference expands each address when it is added */
static void place_after_last(xstate_t *xs, rcpt_t *r)
{
	envelope_t *e = xs->d->e;
	rcpt_t **pp;

	if (xs->last == NULL || xs->last->next == r) {
		xs->last = r;
		return;
	}
	for (pp = &e->rcpts; *pp != NULL && *pp != r; pp = &(*pp)->next)
		;
	if (*pp == NULL)
		return;
	*pp = r->next;                 /* unlink the tail element */
	if (r->next == NULL)
		e->rcpts_tail = pp;
	r->next = xs->last->next;
	xs->last->next = r;
	xs->last = r;
}

static bool same_addr(const addr_t *x, const addr_t *y)
{
	return x->mailer == y->mailer &&
	       strcmp(x->host ? x->host : "", y->host ? y->host : "") == 0 &&
	       strcmp(x->user ? x->user : "", y->user ? y->user : "") == 0;
}

static bool is_dup(dctx_t *d, const addr_t *a, const drcpt_t *self)
{
	size_t i;
	for (i = 0; i < d->n; i++) {
		drcpt_t *x = d->v[i];
		if (x != self && x->resolved && x->r->state == RS_QUEUED && same_addr(&x->a, a))
			return true;
	}
	return false;
}

static bool x_parse(void *arg, const char *input, addr_t *a)
{
	xstate_t *xs = arg;

	if (parseaddr(xs->d->cf, NULL, input, RF_RECIPADDR, a) < 0) {
		addr_free(a);
		return false;
	}
	return true;
}

/* alias files are owned by root: their entries run as DefaultUser */
static void alias_owner(dctx_t *d, uid_t *uid, gid_t *gid)
{
	const char *af = opt_str(&d->cf->opt, OPT_AliasFile);
	size_t n = 0;
	char **v = alias_file_specs(af ? af : "/etc/mail/aliases", &n);
	struct stat st;
	const char *f = n > 0 ? strrchr(v[0], ' ') : NULL;

	f = f ? f + 1 : (n > 0 ? v[0] : "/etc/mail/aliases");
	*uid = (uid_t)opt_num(&d->cf->opt, OPT_DefaultUser);
	*gid = 0;
	if (stat(f, &st) == 0) {
		if (st.st_uid != 0)
			*uid = st.st_uid;
		*gid = st.st_gid;
	}
	alias_free_specs(v, n);
}

/* the controlling user of a member of alias key / a .forward / include */
static void child_ctl(xstate_t *xs, const alias_walk_t *w, const addr_t *a, ctl_t *c)
{
	struct passwd *pw = NULL;
	bool local = a->mailer && strcmp(a->mailer->name, "local") == 0;

	memset(c, 0, sizeof *c);
	if (xs->fwd_user != NULL && (pw = pwc_getpwnam(xs->fwd_user)) != NULL) {
		c->user = xstrdup(xs->fwd_user);
		c->alias = xstrdup(xs->fwd_from ? xs->fwd_from : xs->fwd_user);
	} else if (local && a->user && (pw = pwc_getpwnam(a->user)) != NULL) {
		c->user = xstrdup(a->user);
		c->alias = xstrdup(w->parent ? w->parent : "");
	} else {
		c->user = xstrdup(w->parent ? w->parent : xs->top->r->addr);
		c->alias = xstrdup(w->parent_addr ? w->parent_addr : c->user);
		alias_owner(xs->d, &c->uid, &c->gid);
		return;
	}
	c->uid = pw->pw_uid;
	c->gid = pw->pw_gid;
}

/* a failure found while expanding (unknown user, bad :include:) */
static void x_fail(xstate_t *xs, drcpt_t *x, const char *to, int st, const char *logctl)
{
	attempt_t *a = &x->att;

	attempt_set_exit(a, st, NULL);
	x->r->state = st == EX_TEMPFAIL ? RS_DEFERRED : RS_FAILED;
	if (st == EX_NOUSER)
		env_set_str(&a->reply, "550 5.1.1 User unknown");
	env_set_str(&x->r->statmsg, a->stat);
	env_set_str(&x->r->status, a->dsn);
	/* only a submission's expansion makes a notice line; a report's (or
	 * a probe's) failures make none */
	if (xs->d->o->at_submission && !xs->d->o->probe && !xs->d->o->prefailed &&
	    !letter_has(xs->d->e->eflags, EF_RESPONSE))
		sm_log(4, LOG_NOTICE, "%s... %s", to, a->stat);
	/* expanded at submission: the submitter sees it (ErrorMode=print) */
	if (xs->d->o->errmode == 'p' && xs->d->o->out != NULL)
		fprintf(xs->d->o->out, "%s... %s\n", to, a->stat);
	if (!xs->d->o->prefailed)
		deliver_log_ctl(xs->d->e, to, logctl,
				x->a.mailer ? x->a.mailer->name : "local", a, xs->d->now);
	dsn_queue_bounce(xs->d->cf, xs->d->e, x->r, a, 'f');
}

/* owner-X of the alias X a member came from (the list's sender), NULL
 * when none; inside a .forward the owner of the list that named its user */
static char *list_owner(xstate_t *xs, const alias_walk_t *w)
{
	buf_t key = BUF_INIT(1024), val = BUF_INIT(0);
	char *owner = NULL;
	int st = 0;

	if (w->parent == NULL)
		return xs->fwd_owner != NULL ? xstrdup(xs->fwd_owner) : NULL;
	buf_printf(&key, "owner-%s", w->parent);
	if (!key.overflow && alias_lookup(buf_str(&key), &val, &st) > 0 && val.len > 0)
		owner = buf_steal(&val);
	buf_free(&key);
	buf_free(&val);
	return owner;
}

/* the record a leaf lands in: the top recipient itself, or a new one */
static drcpt_t *leaf_record(xstate_t *xs, alias_walk_t *w, const char *input, addr_t *a)
{
	drcpt_t *top = xs->top, *x;
	rcpt_t *r;
	letterset_t fl = top->r->flags;
	buf_t c = BUF_INIT(0);

	if (w->parent == NULL && w->incfile == NULL && xs->fwd_user == NULL && w->depth == 0)
		return top;
	letter_set(&fl, RF_PRIMARY, false);
	letter_set(&fl, RF_ALIAS, xs->fwd_user == NULL);
	r = env_add_rcpt(xs->d->e, input, fl);
	place_after_last(xs, r);
	env_set_str(&r->final, top->r->final);
	env_set_str(&r->orcpt, top->r->orcpt);
	x = dctx_add(xs->d, r);
	child_ctl(xs, w, a, &x->ctl);
	x->have_ctl = true;
	ctl_format(&x->ctl, &c);
	env_set_str(&r->ctl, buf_str(&c));
	buf_free(&c);
	if (w->incfile == NULL) {
		free(r->owner);
		r->owner = list_owner(xs, w);
	}
	top->r->state = RS_EXPANDED;
	return x;
}

static bool forwarded_already(xstate_t *xs, const char *user)
{
	size_t i;
	for (i = 0; i < xs->nfwd; i++)
		if (strcmp(xs->forwarded[i], user) == 0)
			return true;
	xs->forwarded = xgrow(xs->forwarded, &xs->capfwd, xs->nfwd + 1, sizeof *xs->forwarded);
	xs->forwarded[xs->nfwd++] = xstrdup(user);
	return false;
}

/* the user part of a local address names a login */
static bool user_known(const addr_t *a)
{
	return a->user != NULL && *a->user && pwc_getpwnam(a->user) != NULL;
}

static void leaf_fail_unknown(xstate_t *xs, drcpt_t *x, const char *input)
{
	buf_t b = BUF_INIT(0);
	const char *lc = NULL;

	if (xs->w->parent != NULL) {
		buf_printf(&b, "%s (%lu/%lu)", xs->w->parent_addr ? xs->w->parent_addr
			   : xs->w->parent, (unsigned long)x->ctl.uid,
			   (unsigned long)x->ctl.gid);
		lc = buf_str(&b);
	}
	x_fail(xs, x, input, EX_NOUSER, lc);
	buf_free(&b);
}

/* an address without an alias whose mailer has flag 5 (the local one;
 * submit.cf's esmtp too) goes through ruleset 5: it may name another
 * delivery (the MSP's relay to the MTA, LUSER_RELAY, +detail); a
 * changes to it when it does */
static bool reroute_localaddr(xstate_t *xs, addr_t *a)
{
	return localaddr_resolve(xs->d->cf, a) > 0;
}

static void x_leaf(void *arg, char *input, addr_t *a)
{
	xstate_t *xs = arg;
	bool local = a->mailer && strcmp(a->mailer->name, "local") == 0;
	drcpt_t *x;

	xs->leaves++;
	/* \user: the local mailbox itself, no alias or .forward (a .forward
	 * line "\bob, |prog" keeps a copy) */
	if (local && a->user != NULL && a->user[0] == '\\' && a->user[1] != '\0') {
		while (a->user[0] == '\\')   /* "\\bob" read back from a qf too */
			memmove(a->user, a->user + 1, strlen(a->user));
		x = leaf_record(xs, xs->w, input, a);
		/* the reference keeps the backslash quoted: R and to= say \\bob */
		if (x != xs->top && input[0] == '\\' && input[1] != '\\') {
			buf_t q = BUF_INIT(0);
			buf_printf(&q, "\\%s", input);
			free(x->r->addr);
			x->r->addr = buf_steal(&q);
			buf_free(&q);
		}
		addr_free(&x->a);
		x->a = *a;
		x->resolved = true;
		if (!user_known(a))
			leaf_fail_unknown(xs, x, input);
		else if (is_dup(xs->d, a, x))
			x->r->state = RS_DUPLICATE;
		free(input);
		return;
	}
	bool rerouted = a->mailer && a->mailer->flags['5'] && reroute_localaddr(xs, a);

	if (rerouted)
		local = a->mailer && strcmp(a->mailer->name, "local") == 0;
	if (local && user_known(a) && !forwarded_already(xs, a->user)) {
		/* what the .forward names goes out as the user's list did */
		char *outer = xs->fwd_owner, *owner = list_owner(xs, xs->w);
		int n;
		xs->fwd_owner = owner;
		n = expand_forward(xs->d, xs->w, input, a);
		xs->fwd_owner = outer;
		free(owner);
		if (n > 0) {
			free(input);
			addr_free(a);
			return;
		}
	}
	x = leaf_record(xs, xs->w, input, a);
	addr_free(&x->a);
	x->a = *a;
	x->resolved = true;
	/* the reference's qf names the address ruleset 5 re-routed as the
	 * new one's controlling address: "C:alice" */
	if (rerouted && x->r->ctl == NULL) {
		buf_t c = BUF_INIT(0);
		buf_printf(&c, ":%s", input);
		x->r->ctl = buf_steal(&c);
	}
	if (local && !user_known(a))
		leaf_fail_unknown(xs, x, input);
	else if (is_dup(xs->d, a, x))
		x->r->state = RS_DUPLICATE;
	free(input);
}

static void x_error(void *arg, const char *input, const char *msg, int st)
{
	xstate_t *xs = arg;
	drcpt_t *top = xs->top;

	(void)st;
	sm_log(4, LOG_NOTICE, "%s... %s", input, msg);
	dverbose(xs->d, "%s... %s", input, msg);
	if (top->r->state == RS_QUEUED && xs->leaves == 0)
		top->r->state = RS_EXPANDED;
}

static int x_expanding(void *arg, const char *key, const char *value)
{
	xstate_t *xs = arg;
	dverbose(xs->d, "%s... aliased to %s", key, value);
	sm_log(10, LOG_INFO, "alias %s => %s", key, value);
	return 1;
}

/* -v: the :include: files as the reference reads them */
static void x_including(void *arg, const char *input, const char *path)
{
	xstate_t *xs = arg;
	dverbose(xs->d, "%s... including file %s", input, path);
}

static void x_include_line(void *arg, const char *path, int lineno, const char *line)
{
	xstate_t *xs = arg;
	dverbose(xs->d, "%s: line %d: sending to %s", path, lineno, line);
}

/* a recipient the walker cannot take: error mailer, unparseable */
static void expand_direct(xstate_t *xs, drcpt_t *x)
{
	char *in = xstrdup(x->r->addr);
	addr_t a;

	memset(&a, 0, sizeof a);
	if (!x_parse(xs, in, &a)) {
		free(in);
		attempt_set_exit(&x->att, EX_USAGE, NULL);
		x->r->state = RS_FAILED;
		return;
	}
	x_leaf(xs, in, &a);
}

static void expand_one(dctx_t *d, drcpt_t *x, xstate_t *xs)
{
	alias_walk_t w;
	bool noalias = d->o->noalias || letter_has(x->r->flags, RF_ALIAS);

	memset(&w, 0, sizeof w);
	w.parse = x_parse;
	w.leaf = x_leaf;
	w.error = x_error;
	w.expanding = x_expanding;
	w.including = x_including;
	w.include_line = x_include_line;
	w.arg = xs;
	w.maxdepth = (int)opt_num(&d->cf->opt, OPT_MaxAliasRecursion);
	xs->top = x;
	xs->last = x->r;
	xs->w = &w;
	xs->leaves = 0;
	if (noalias)
		expand_direct(xs, x);
	else
		alias_walk_list(&w, x->r->addr, NULL, 0);
	if (w.loop && xs->leaves == 0) {
		sm_log(4, LOG_NOTICE, "aliasing/forwarding loop broken");
		dverbose(d, "aliasing/forwarding loop broken");
		x->r->state = RS_EXPANDED;
	}
	alias_walk_free(&w);
}

static const char *host_of(dctx_t *d, rcpt_t *r)
{
	drcpt_t *x = dctx_find(d, r);
	return x && x->resolved && x->a.host ? x->a.host : "";
}

/* e's recipient list sorted stably by key(r) (strings compared, desc:
 * greatest first); v[] pairs each with its key and place */
typedef struct keyed {
	rcpt_t *r;
	const char *key;
	size_t at;
	bool desc;
} keyed_t;

static int keyed_cmp(const void *a, const void *b)
{
	const keyed_t *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (x->desc)
		c = -c;
	return c != 0 ? c : (x->at > y->at) - (x->at < y->at);
}

static void sort_rcpts(dctx_t *d, const char *(*key)(dctx_t *, rcpt_t *), bool desc)
{
	envelope_t *e = d->e;
	keyed_t *v = NULL;
	size_t n = 0, cap = 0, i;

	for (rcpt_t *r = e->rcpts; r != NULL; r = r->next) {
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n] = (keyed_t){ r, key(d, r), n, desc };
		n++;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, keyed_cmp);
	e->rcpts = NULL;
	e->rcpts_tail = &e->rcpts;
	for (i = 0; i < n; i++) {
		v[i].r->next = NULL;
		*e->rcpts_tail = v[i].r;
		e->rcpts_tail = &v[i].r->next;
	}
	free(v);
}

static const char *addr_of(dctx_t *d, rcpt_t *r)
{
	(void)d;
	return r->addr;
}

void expand_all(dctx_t *d)
{
	xstate_t xs;
	size_t i, n0 = d->n;

	memset(&xs, 0, sizeof xs);
	xs.d = d;
	for (i = 0; i < n0; i++)
		if (d->v[i]->r->state == RS_QUEUED)
			expand_one(d, d->v[i], &xs);
	for (i = 0; i < xs.nfwd; i++)
		free(xs.forwarded[i]);
	free(xs.forwarded);
	/* the reference's send queue: a message tried before by address,
	 * greatest first (found by running it; not so for the MSP's queue,
	 * where the order stays as queued: doc/differences.md); then,
	 * stably, by host */
	if (d->e->ntries > 0)
		sort_rcpts(d, addr_of, true);
	sort_rcpts(d, host_of, false);
}

/* the walker state of the .forward being read (expand_fwd.c) */
void expand_set_forward(void *arg, const char *user, const char *from, const char **ou,
			const char **of)
{
	xstate_t *xs = arg;
	*ou = xs->fwd_user;
	*of = xs->fwd_from;
	xs->fwd_user = user;
	xs->fwd_from = from;
}

int deliver_expand(cf_t *cf, envelope_t *e, const deliver_opts_t *o)
{
	dctx_t d;
	rcpt_t *r;
	int left = 0;

	dctx_init(&d, cf, e, o);
	expand_all(&d);
	/* keep each resolved mailer: the caller logs it without a second parse */
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i]->a.mailer != NULL && d.v[i]->r->mailer == NULL)
			env_set_str(&d.v[i]->r->mailer, d.v[i]->a.mailer->name);
	for (r = e->rcpts; r != NULL; r = r->next)
		left += r->state == RS_QUEUED;
	dctx_free(&d);
	return left;
}
