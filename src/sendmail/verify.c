/* verify.c - -bv: resolve each recipient and say where it would go.
 * Problems are reported as addresses are read; the deliverable list
 * follows, grouped by host as the reference's send queue orders it.
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
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

typedef struct vrcpt {
	const char *input;
	addr_t a;
	size_t seq;
} vrcpt_t;

static int by_host(const void *x, const void *y)
{
	const vrcpt_t *a = x, *b = y;
	int c = strcmp(a->a.host ? a->a.host : "", b->a.host ? b->a.host : "");
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
} vstate_t;

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
	printf("%s... %s\n", input, alias_error_text(a->user, &t));
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
		printf("%s... User unknown\n", input);
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
	vs->ok[vs->nok++].seq = vs->seq++;
}

static void v_error(void *arg, const char *input, const char *msg, int st)
{
	(void)arg;
	printf("%s... %s\n", input, msg);
	first_error(st);
}

int sm_verify(cf_t *cf, const sm_args_t *a)
{
	vstate_t vs;
	alias_walk_t w;
	size_t i;
	int k;

	if (a->nrcpts == 0) {
		printf("Recipient names must be specified\n");
		return EX_USAGE;
	}
	/* alias database warnings are shown by -bv -v only (not built) */
	alias_wait_config(opt_num(&cf->opt, OPT_AliasWait), false);
	memset(&vs, 0, sizeof vs);
	memset(&w, 0, sizeof w);
	vs.cf = cf;
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
	return sm_exitstat;
}
