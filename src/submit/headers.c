/* headers.c - the header of a submitted message (see headers.h). */
#include "submit/headers.h"
#include "addr/header.h"
#include "lib/buf.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool hdr_split(const char *field, buf_t *name, const char **value)
{
	const char *colon = strchr(field, ':');
	size_t n;

	if (colon == NULL)
		return false;
	n = (size_t)(colon - field);
	while (n > 0 && (field[n - 1] == ' ' || field[n - 1] == '\t'))
		n--;
	buf_reset(name);
	buf_add(name, field, n);
	*value = colon + 1;
	return true;
}

void hdr_bind_late(const char *tmpl, buf_t *out)
{
	for (const char *p = tmpl; *p; p++) {
		if (*p == '$' && p[1] == '$') {
			buf_addc(out, '$');
			p++;
			continue;
		}
		if (*p == '$' && p[1] != '\0') {
			buf_addc(out, MACRO_BYTE);
			continue;
		}
		buf_addc(out, *p);
	}
}

/* "?P?Name: value" -> cond "P", the rest in *field; false when malformed */
static bool split_cond(const char *def, buf_t *cond, const char **field)
{
	buf_reset(cond);
	if (*def != '?') {
		*field = def;
		return true;
	}
	const char *end = strchr(def + 1, '?');
	if (end == NULL)
		return false;
	buf_add(cond, def + 1, (size_t)(end - def - 1));
	*field = end + 1;
	return true;
}

static bool user_has(const envelope_t *e, const char *name)
{
	for (const hdr_t *h = e->hdrs; h != NULL; h = h->next)
		if ((h->flags & H_USER) && strcasecmp(h->name, name) == 0)
			return true;
	return false;
}

static bool is_resent(const envelope_t *e)
{
	for (const hdr_t *h = e->hdrs; h != NULL; h = h->next)
		if ((h->flags & H_USER) && strncasecmp(h->name, "Resent-", 7) == 0)
			return true;
	return false;
}

static bool blank(const char *s)
{
	return s[strspn(s, " \t\n")] == '\0';
}

/* a phrase with specials (a full name like "Bob Q. Example") is quoted
 * where it stands in an address field */
static bool needs_quotes(const char *s)
{
	return s[0] != '"' && s[strcspn(s, "()<>@,;:\\\".[]")] != '\0';
}

void hdr_quote_phrase(const char *s, buf_t *out)
{
	if (!needs_quotes(s)) {
		buf_adds(out, s);
		return;
	}
	buf_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(out, '\\');
		buf_addc(out, *s);
	}
	buf_addc(out, '"');
}

/* expand an address field's template with $x quoted when it must be */
static void expand_from(cf_t *cf, const char *tmpl, buf_t *val)
{
	const char *x = mac_get(&cf->mac, 'x');
	buf_t q = BUF_INIT(4096);
	char *old;

	if (x == NULL || !needs_quotes(x)) {
		cf_expand(cf, tmpl, val);
		return;
	}
	old = xstrdup(x);
	hdr_quote_phrase(old, &q);
	mac_define(&cf->mac, 'x', buf_str(&q));
	cf_expand(cf, tmpl, val);
	mac_define(&cf->mac, 'x', old);
	free(old);
	buf_free(&q);
}

/* one H line of the cf, added to out unless the message does not need it */
static void add_default(envelope_t *out, const envelope_t *e, cf_t *cf,
			const char *def, bool resent)
{
	buf_t cond = BUF_INIT(256), name = BUF_INIT(1024), val = BUF_INIT(64 * 1024);
	const char *field, *tmpl;
	unsigned long fl;

	if (!split_cond(def, &cond, &field) || !hdr_split(field, &name, &tmpl))
		goto out;
	fl = header_known_flags(buf_str(&name));
	if ((fl & H_RESENT) && !resent)
		goto out;
	if (!(fl & H_FORCE) && user_has(e, buf_str(&name)))
		goto out;
	if (fl & H_BINDLATE)
		hdr_bind_late(tmpl, &val);
	else if (fl & H_FROM)
		expand_from(cf, tmpl, &val);
	else
		cf_expand(cf, tmpl, &val);
	if (!blank(buf_str(&val)))
		env_add_hdr_raw(out, buf_str(&name), buf_str(&val), buf_str(&cond), fl | H_DEFAULT);
	else if ((fl & H_FROM) && strstr(tmpl, "$g") != NULL) {
		/* the null sender and no full name: no From: in the qf, but the
		 * submitting process's own delivery writes one with the sender
		 * as its mailer sees it ("From: MAILER-DAEMON@example.com"), as
		 * the reference's does */
		char late[4] = { ' ', (char)MACRO_BYTE, 'g', '\0' };
		env_add_hdr_raw(out, buf_str(&name), late, buf_str(&cond),
				fl | H_DEFAULT | H_MEMONLY);
	}
out:
	buf_free(&cond);
	buf_free(&name);
	buf_free(&val);
}

void hdr_add_user(envelope_t *e, char *const *fields, size_t n)
{
	buf_t name = BUF_INIT(1024);
	const char *value;

	for (size_t i = 0; i < n; i++) {
		if (!hdr_split(fields[i], &name, &value))
			continue;
		env_add_hdr_raw(e, buf_str(&name), value, NULL,
			    header_known_flags(buf_str(&name)) | H_USER);
	}
	buf_free(&name);
}

void hdr_add_defaults(envelope_t *e, cf_t *cf, char *const *extra, size_t nextra)
{
	envelope_t d;
	bool resent = is_resent(e);

	env_init(&d);
	for (size_t i = 0; i < cf->nheaders; i++)
		add_default(&d, e, cf, cf->headers[i], resent);
	hdr_add_user(&d, extra, nextra);
	if (d.hdrs == NULL)
		return;
	*d.hdrs_tail = e->hdrs;
	if (e->hdrs == NULL)
		e->hdrs_tail = d.hdrs_tail;
	e->hdrs = d.hdrs;
	d.hdrs = NULL;
	env_free(&d);
}
