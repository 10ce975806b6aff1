/* dctx.c - the state of one delivery run over an envelope: a record per
 * recipient (resolved address, controlling user, last attempt), the
 * sender as a controlling user, qf C lines to and from ctl_t, -v output. */
#include "deliver/deliver_int.h"
#include "lib/pwcache.h"
#include "lib/xalloc.h"
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* "user:uid:gid:alias" */
void ctl_parse(const char *text, ctl_t *c)
{
	char *s = xstrdup(text ? text : ""), *f[4] = { NULL, NULL, NULL, NULL };
	char *p = s;
	int i;

	memset(c, 0, sizeof *c);
	for (i = 0; i < 4 && p != NULL; i++) {
		f[i] = p;
		p = i < 3 ? strchr(p, ':') : NULL;
		if (p != NULL)
			*p++ = '\0';
	}
	c->user = xstrdup(f[0] ? f[0] : "");
	c->uid = f[1] ? (uid_t)strtoul(f[1], NULL, 10) : 0;
	c->gid = f[2] ? (gid_t)strtoul(f[2], NULL, 10) : 0;
	c->alias = xstrdup(f[3] ? f[3] : "");
	free(s);
}

void ctl_free(ctl_t *c)
{
	free(c->user);
	free(c->alias);
	memset(c, 0, sizeof *c);
}

void ctl_format(const ctl_t *c, buf_t *out)
{
	buf_printf(out, "%s:%lu:%lu:%s", c->user ? c->user : "", (unsigned long)c->uid,
		   (unsigned long)c->gid, c->alias ? c->alias : "");
}

drcpt_t *dctx_add(dctx_t *d, rcpt_t *r)
{
	drcpt_t *x = xcalloc(1, sizeof *x);

	x->r = r;
	attempt_init(&x->att);
	if (r->ctl != NULL && *r->ctl) {
		ctl_parse(r->ctl, &x->ctl);
		x->have_ctl = true;
	}
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	d->v[d->n++] = x;
	return x;
}

drcpt_t *dctx_find(dctx_t *d, const rcpt_t *r)
{
	size_t i;
	for (i = 0; i < d->n; i++)
		if (d->v[i]->r == r)
			return d->v[i];
	return NULL;
}

/* a sender that is a local user controls deliveries with its ids */
static void sender_ids(dctx_t *d)
{
	addr_t a;
	struct passwd *pw;

	memset(&a, 0, sizeof a);
	if (d->e->sender == NULL || strcmp(d->e->sender, "<>") == 0)
		return;
	if (parseaddr(d->cf, NULL, d->e->sender, RF_SENDERADDR, &a) == 0 && a.mailer != NULL &&
	    strcmp(a.mailer->name, "local") == 0 && a.user != NULL &&
	    (pw = pwc_getpwnam(a.user)) != NULL) {
		d->sender_local = true;
		d->sender_uid = pw->pw_uid;
		d->sender_gid = pw->pw_gid;
	}
	addr_free(&a);
}

void dctx_init(dctx_t *d, cf_t *cf, envelope_t *e, const deliver_opts_t *o)
{
	rcpt_t *r;

	memset(d, 0, sizeof *d);
	d->cf = cf;
	d->e = e;
	d->o = o;
	d->now = time(NULL);
	for (r = e->rcpts; r != NULL; r = r->next)
		dctx_add(d, r);
	sender_ids(d);
}

void dctx_free(dctx_t *d)
{
	size_t i;
	for (i = 0; i < d->n; i++) {
		addr_free(&d->v[i]->a);
		ctl_free(&d->v[i]->ctl);
		free(d->v[i]->logctl);
		attempt_free(&d->v[i]->att);
		free(d->v[i]);
	}
	free(d->v);
	free(d->sender_g);
	memset(d, 0, sizeof *d);
}

void dverbose(dctx_t *d, const char *fmt, ...)
{
	va_list ap;

	if (!d->o->verbose || d->o->out == NULL)
		return;
	va_start(ap, fmt);
	vfprintf(d->o->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->o->out);
	fflush(d->o->out);
}
