/* envelope.c - building and freeing envelope_t (the in-memory qf). */
#include "queue/envelope.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void env_init(envelope_t *e)
{
	memset(e, 0, sizeof *e);
	e->version = 8;
	e->rcpts_tail = &e->rcpts;
	e->hdrs_tail = &e->hdrs;
}

void env_set_str(char **field, const char *value)
{
	char *old = *field;
	*field = value != NULL ? xstrdup(value) : NULL;
	free(old);
}

static void rcpt_free(rcpt_t *r)
{
	free(r->addr);
	free(r->orcpt);
	free(r->final);
	free(r->ctl);
	free(r->rmsg);
	free(r->mailer);
	free(r->host);
	free(r->user);
	free(r->owner);
	free(r->status);
	free(r->statmsg);
	free(r->relay);
	free(r->diag);
	free(r->reason);
	free(r);
}

static void hdr_free(hdr_t *h)
{
	free(h->name);
	free(h->value);
	free(h->cond);
	free(h->lead);
	free(h);
}

static void free_lists(envelope_t *e)
{
	while (e->rcpts != NULL) {
		rcpt_t *r = e->rcpts;
		e->rcpts = r->next;
		rcpt_free(r);
	}
	while (e->hdrs != NULL) {
		hdr_t *h = e->hdrs;
		e->hdrs = h->next;
		hdr_free(h);
	}
	for (size_t i = 0; i < e->nmacros; i++) {
		free(e->macros[i].name);
		free(e->macros[i].value);
	}
	free(e->macros);
	for (size_t i = 0; i < e->nunknown; i++)
		free(e->unknown[i]);
	free(e->unknown);
}

void env_free(envelope_t *e)
{
	free_lists(e);
	free(e->qdir);
	free(e->msg);
	free(e->quarantine);
	free(e->bodytype);
	free(e->dfdir);
	free(e->sender);
	free(e->auth);
	free(e->envid);
	free(e->xscript);
	env_init(e);
}

rcpt_t *env_add_rcpt(envelope_t *e, const char *addr, letterset_t flags)
{
	rcpt_t *r = xcalloc(1, sizeof *r);
	r->addr = xstrdup(addr);
	r->flags = flags;
	r->mailer_index = -1;
	*e->rcpts_tail = r;
	e->rcpts_tail = &r->next;
	return r;
}

hdr_t *env_add_hdr(envelope_t *e, const char *name, const char *value,
		   const char *cond, unsigned long flags)
{
	hdr_t *h = xcalloc(1, sizeof *h);
	h->name = xstrdup(name);
	h->value = xstrdup(value != NULL ? value : "");
	h->cond = cond != NULL && *cond ? xstrdup(cond) : NULL;
	h->flags = flags;
	*e->hdrs_tail = h;
	e->hdrs_tail = &h->next;
	return h;
}

hdr_t *env_add_hdr_raw(envelope_t *e, const char *name, const char *raw,
		       const char *cond, unsigned long flags)
{
	size_t n = strspn(raw, " \t");
	hdr_t *h = env_add_hdr(e, name, raw + n, cond, flags);

	/* one blank before a value is what the writer assumes (lead NULL) */
	if (!(n == 1 && raw[0] == ' ' && raw[1] != '\0') && !(n == 0 && raw[0] == '\0'))
		h->lead = xstrndup(raw, n);
	return h;
}

hdr_t *env_find_hdr(const envelope_t *e, const char *name)
{
	for (hdr_t *h = e->hdrs; h != NULL; h = h->next)
		if (strcasecmp(h->name, name) == 0)
			return h;
	return NULL;
}

static qmacro_t *find_macro(const envelope_t *e, const char *name)
{
	for (size_t i = 0; i < e->nmacros; i++)
		if (strcmp(e->macros[i].name, name) == 0)
			return &e->macros[i];
	return NULL;
}

void env_set_macro(envelope_t *e, const char *name, const char *value)
{
	qmacro_t *m = find_macro(e, name);
	if (m == NULL) {
		e->macros = xgrow(e->macros, &e->macros_cap, e->nmacros + 1, sizeof *e->macros);
		m = &e->macros[e->nmacros++];
		m->name = xstrdup(name);
		m->value = NULL;
	}
	env_set_str(&m->value, value);
}

const char *env_get_macro(const envelope_t *e, const char *name)
{
	qmacro_t *m = find_macro(e, name);
	return m != NULL ? m->value : NULL;
}
