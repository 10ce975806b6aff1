/* verify.c - -bv: resolve each recipient and say where it would go.
 * Problems are reported as addresses are read (and logged at notice, as
 * the reference logs them); the deliverable list follows, grouped by host
 * as the reference's send queue orders it, the members of a list with an
 * owner- alias after the others (the reference splits them into the
 * owner's envelope, one per owner in order of appearance).
 * Local recipients go through the alias database (src/aliases);
 * .forward files join when the local delivery agent lands. */
#include "sendmail/init.h"
#include "lib/pwcache.h"
#include "addr/parseaddr.h"
#include "aliases/aliases.h"
#include "aliases/alias_expand.h"
#include "rewrite/scan.h"
#include "lib/exitstat.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "queue/queue.h"
#include <time.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

typedef struct vrcpt {
	const char *input;
	addr_t a;
	size_t group;        /* 0, or 1 + the number of its list's owner */
	size_t seq;
} vrcpt_t;

static int by_host(const void *x, const void *y)
{
	const vrcpt_t *a = x, *b = y;
	int c;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	c = strcmp(a->a.host ? a->a.host : "", b->a.host ? b->a.host : "");
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* a local user must exist (the reference asks the passwd database) */
static bool local_unknown(const addr_t *a)
{
	if (a->mailer == NULL || strcmp(a->mailer->name, "local") != 0)
		return false;
	return a->user == NULL || a->user[0] == '\0' || pwc_getpwnam(a->user) == NULL;
}

static void print_ok(const vrcpt_t *v)
{
	const addr_t *a = &v->a;
	if (a->host && *a->host)
		printf("%s... deliverable: mailer %s, host %s, user %s\n", v->input,
		       a->mailer_name, a->host, a->user);
	else
		printf("%s... deliverable: mailer %s, user %s\n", v->input, a->mailer_name, a->user);
}

/* in -bv the first error decides the exit status */
static void first_error(int st)
{
	if (sm_exitstat == EX_OK)
		sm_set_exitstat(st);
}

typedef struct vstate {
	cf_t *cf;
	vrcpt_t *ok;
	size_t nok, cap, seq;
	const alias_walk_t *w;
	char **owners;       /* owner- values met, in order */
	size_t nowners, capowners;
} vstate_t;

/* the group of a member of the alias being expanded: 0 without an
 * owner-X alias, else 1 + that owner's number */
static size_t owner_group(vstate_t *vs)
{
	buf_t key = BUF_INIT(1024), val = BUF_INIT(0);
	size_t g = 0, i;
	int st = 0;

	if (vs->w->parent == NULL)
		return 0;
	buf_printf(&key, "owner-%s", vs->w->parent);
	if (!key.overflow && alias_lookup(buf_str(&key), &val, &st) > 0 && val.len > 0) {
		for (i = 0; i < vs->nowners && strcmp(vs->owners[i], buf_str(&val)) != 0; i++)
			;
		if (i == vs->nowners) {
			vs->owners = xgrow(vs->owners, &vs->capowners, i + 1, sizeof *vs->owners);
			vs->owners[vs->nowners++] = xstrdup(buf_str(&val));
		}
		g = i + 1;
	}
	buf_free(&key);
	buf_free(&val);
	return g;
}

/* a problem with an address: said, and logged at notice */
static void complain(const char *input, const char *msg)
{
	printf("%s... %s\n", input, msg);
	sm_log(4, LOG_NOTICE, "%s... %s", input, msg);
}

static bool v_parse(void *arg, const char *input, addr_t *a)
{
	vstate_t *vs = arg;
	buf_t t = BUF_INIT(0);

	if (parseaddr(vs->cf, NULL, input, RF_RECIPADDR, a) < 0) {
		addr_free(a);
		first_error(EX_USAGE);
		return false;
	}
	if (a->mailer != NULL)
		return true;
	complain(input, alias_error_text(a->user, &t));
	buf_free(&t);
	first_error(a->exitstat ? a->exitstat : EX_UNAVAILABLE);
	addr_free(a);
	return false;
}

static bool same_rcpt(const addr_t *x, const addr_t *y)
{
	return strcmp(x->mailer_name, y->mailer_name) == 0 &&
	       strcmp(x->host ? x->host : "", y->host ? y->host : "") == 0 &&
	       strcmp(x->user ? x->user : "", y->user ? y->user : "") == 0;
}

static void v_leaf(void *arg, char *input, addr_t *a)
{
	vstate_t *vs = arg;
	size_t i;
	bool dup = false;

	if (a->mailer != NULL && strcmp(a->mailer->name, "local") == 0)
		localaddr_resolve(vs->cf, a);
	for (i = 0; i < vs->nok && !dup; i++)
		dup = same_rcpt(&vs->ok[i].a, a);
	if (!dup && local_unknown(a)) {
		complain(input, "User unknown");
		first_error(EX_NOUSER);
	}
	if (dup || local_unknown(a)) {
		free(input);
		addr_free(a);
		return;
	}
	vs->ok = xgrow(vs->ok, &vs->cap, vs->nok + 1, sizeof *vs->ok);
	vs->ok[vs->nok].input = input;
	vs->ok[vs->nok].a = *a;
	vs->ok[vs->nok].group = owner_group(vs);
	vs->ok[vs->nok++].seq = vs->seq++;
}

static void v_error(void *arg, const char *input, const char *msg, int st)
{
	(void)arg;
	complain(input, msg);
	first_error(st);
}

int sm_verify(cf_t *cf, const sm_args_t *a)
{
	vstate_t vs;
	alias_walk_t w;
	size_t i;
	int k;
	char qid[32];

	if (a->nrcpts == 0) {
		printf("Recipient names must be specified\n");
		return EX_USAGE;
	}
	log_setup(a->logtag != NULL ? a->logtag : "sendmail",
		  (int)opt_num(&cf->opt, OPT_LogLevel), opt_str(&cf->opt, OPT_LogTarget));
	qid_new(qid, time(NULL));
	log_set_qid(qid);
	/* alias database warnings are shown by -bv -v only (not built) */
	alias_wait_config(opt_num(&cf->opt, OPT_AliasWait), false);
	memset(&vs, 0, sizeof vs);
	memset(&w, 0, sizeof w);
	vs.cf = cf;
	vs.w = &w;
	w.parse = v_parse;
	w.leaf = v_leaf;
	w.error = v_error;
	w.arg = &vs;
	for (k = 0; k < a->nrcpts; k++)
		alias_walk_list(&w, a->rcpts[k], NULL, 0);
	if (vs.nok == 0 && w.loop && sm_exitstat == EX_OK) {
		printf("aliasing/forwarding loop broken\n");
		first_error(EX_USAGE);
	}
	alias_walk_free(&w);
	if (vs.nok > 0)
		qsort(vs.ok, vs.nok, sizeof *vs.ok, by_host);
	for (i = 0; i < vs.nok; i++) {
		print_ok(&vs.ok[i]);
		addr_free(&vs.ok[i].a);
		free((char *)vs.ok[i].input);
	}
	free(vs.ok);
	for (i = 0; i < vs.nowners; i++)
		free(vs.owners[i]);
	free(vs.owners);
	return sm_exitstat;
}
