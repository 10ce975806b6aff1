/* rcptset.c - the transaction's recipients by what they resolve to
 * (mailer, host, user), so that a duplicate RCPT is found without walking
 * the list: a client may send 10,000 of them.  Open addressing, the table
 * at most half full, grown by doubling. */
#include "smtpd/smtpd_int.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>

static const char *nz(const char *p)
{
	return p != NULL ? p : "";
}

static size_t hash3(const char *m, const char *h, const char *u)
{
	const char *part[3] = { m, h, u };
	size_t x = 14695981039346656037u;

	for (int i = 0; i < 3; i++) {
		for (const unsigned char *p = (const unsigned char *)part[i]; *p; p++)
			x = (x ^ *p) * 1099511628211u;
		x = (x ^ 0xff) * 1099511628211u;       /* the field boundary */
	}
	return x;
}

static bool same(const rcpt_t *r, const char *m, const char *h, const char *u)
{
	return r->mailer != NULL && strcmp(r->mailer, m) == 0 && strcmp(nz(r->host), h) == 0 &&
	       strcmp(nz(r->user), u) == 0;
}

rcpt_t *rcptset_find(const rcptset_t *t, const char *mailer, const char *host, const char *user)
{
	size_t i;

	if (t->cap == 0 || mailer == NULL)
		return NULL;
	host = nz(host);
	user = nz(user);
	for (i = hash3(mailer, host, user) & (t->cap - 1); t->v[i] != NULL; i = (i + 1) & (t->cap - 1))
		if (same(t->v[i], mailer, host, user))
			return t->v[i];
	return NULL;
}

static void put(rcptset_t *t, rcpt_t *r)
{
	size_t i = hash3(r->mailer, nz(r->host), nz(r->user)) & (t->cap - 1);

	while (t->v[i] != NULL)
		i = (i + 1) & (t->cap - 1);
	t->v[i] = r;
	t->n++;
}

void rcptset_add(rcptset_t *t, rcpt_t *r)
{
	if (r->mailer == NULL)
		return;
	if (2 * (t->n + 1) > t->cap) {
		rcptset_t g = { t->cap ? 2 * t->cap : 64, 0, NULL };
		g.v = xcalloc(g.cap, sizeof *g.v);
		for (size_t i = 0; i < t->cap; i++)
			if (t->v[i] != NULL)
				put(&g, t->v[i]);
		free(t->v);
		*t = g;
	}
	put(t, r);
}

void rcptset_clear(rcptset_t *t)
{
	free(t->v);
	t->v = NULL;
	t->cap = t->n = 0;
}
