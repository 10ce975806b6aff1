/* mailer.c - parsing M lines, the built-in mailers, and their dump. */
#include "conf/mailer_parse.h"
#include "lib/xalloc.h"
#include "lib/str.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static mailer_t *mailer_new(const char *name)
{
	mailer_t *m = xcalloc(1, sizeof *m);
	m->name = xstrdup(name);
	m->uid = m->gid = -1;
	m->maxrcpt = 100;
	m->eol = xstrdup("\n");
	m->se = m->sh = m->re = m->rh = 0;
	return m;
}

static void mailer_free(mailer_t *m)
{
	free(m->name); free(m->path); free(m->eol); free(m->argv);
	free(m->dir); free(m->charset); free(m->mtatype); free(m->addrtype);
	free(m->diagtype); free(m->user); free(m->qgrp);
	free(m);
}

mailer_t *cf_mailer(cf_t *cf, const char *name)
{
	int i;
	for (i = 0; i < cf->nmailers; i++)
		if (strcmp(cf->mailer[i]->name, name) == 0)
			return cf->mailer[i];
	return NULL;
}

/* install m, replacing a mailer of the same name in place */
static void mailer_install(cf_t *cf, mailer_t *m)
{
	int i;
	for (i = 0; i < cf->nmailers; i++)
		if (strcmp(cf->mailer[i]->name, m->name) == 0) {
			m->index = i;
			mailer_free(cf->mailer[i]);
			cf->mailer[i] = m;
			return;
		}
	if (cf->nmailers >= MAXMAILERS) {
		cf_err(cf, "too many mailers defined (%d max)", MAXMAILERS);
		mailer_free(m);
		return;
	}
	m->index = cf->nmailers;
	cf->mailer[cf->nmailers++] = m;
}

static char *unescape(const char *s)
{
	buf_t b = BUF_INIT(0);
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			switch (*s) {
			case 'n': buf_addc(&b, '\n'); break;
			case 'r': buf_addc(&b, '\r'); break;
			case 't': buf_addc(&b, '\t'); break;
			default: buf_addc(&b, *s);
			}
		} else
			buf_addc(&b, *s);
	}
	return buf_steal(&b);
}

static int rwset_of(cf_t *cf, const char *name)
{
	char tmp[256];
	int n;
	sm_strlcpy(tmp, name, sizeof tmp);
	n = cf_ruleset_enter(cf, sm_trim(tmp));
	return n < 0 ? 0 : n;
}

static void set_rw(cf_t *cf, char *v, int *env, int *hdr)
{
	char *slash = strchr(v, '/');
	if (slash)
		*slash++ = '\0';
	*env = rwset_of(cf, v);
	*hdr = slash ? rwset_of(cf, slash) : *env;
}

static void set_types(mailer_t *m, const char *v)
{
	char *copy = xstrdup(v), *a = copy, *b, *c;
	b = strchr(a, '/');
	if (b) {
		*b++ = '\0';
		c = strchr(b, '/');
		if (c)
			*c++ = '\0';
	} else
		c = NULL;
	m->mtatype = *a ? xstrdup(a) : NULL;
	m->addrtype = b && *b ? xstrdup(b) : NULL;
	m->diagtype = c && *c ? xstrdup(c) : NULL;
	free(copy);
}

static void set_user(mailer_t *m, const char *v)
{
	const char *colon = strchr(v, ':');
	if (isdigit((unsigned char)*v))
		m->uid = atol(v);
	else if (*v && *v != ':') {
		free(m->user);
		m->user = colon ? xstrndup(v, (size_t)(colon - v)) : xstrdup(v);
	}
	if (colon && isdigit((unsigned char)colon[1]))
		m->gid = atol(colon + 1);
}

static void set_field(cf_t *cf, mailer_t *m, int key, char *v)
{
	switch (key) {
	case 'P': free(m->path); m->path = xstrdup(v); break;
	case 'F':
		for (; *v; v++)
			if (*v != ' ' && *v != '\t')
				m->flags[(unsigned char)*v] = 1;
		break;
	case 'S': set_rw(cf, v, &m->se, &m->sh); break;
	case 'R': set_rw(cf, v, &m->re, &m->rh); break;
	case 'E': free(m->eol); m->eol = unescape(v); break;
	case 'A': free(m->argv); m->argv = xstrdup(v); break;
	case 'M': m->maxsize = atol(v); break;
	case 'm': m->maxmsgs = atol(v); break;
	case 'r': m->maxrcpt = atol(v); break;
	case 'L': m->linelimit = atol(v); break;
	case 'N': m->nice = atol(v); break;
	case 'D': free(m->dir); m->dir = xstrdup(v); break;
	case 'C': free(m->charset); m->charset = xstrdup(v); break;
	case 'T': set_types(m, v); break;
	case 'U': set_user(m, v); break;
	case 'W': m->wait = atol(v); break;
	case 'Q': free(m->qgrp); m->qgrp = xstrdup(v); break;
	default:
		cf_err(cf, "M%s: unknown mailer equate %c=", m->name, key);
	}
}

/* split "P=..., F=..., A=..." on commas outside quotes */
void mailer_parse_line(cf_t *cf, char *line)
{
	char *p = line, *name;
	mailer_t *m;
	int eol_given = 0;

	while (*p && *p != ',' && *p != ' ' && *p != '\t')
		p++;
	name = xstrndup(line, (size_t)(p - line));
	if (*name == '\0') {
		cf_err(cf, "Mailer name missing");
		free(name);
		return;
	}
	m = mailer_new(name);
	free(name);
	while (*p) {
		char *start, *val;
		int key, inq = 0;
		while (*p == ',' || *p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		key = (unsigned char)*p++;
		while (*p && *p != '=')
			p++;
		if (*p == '=')
			p++;
		while (*p == ' ' || *p == '\t')
			p++;
		start = p;
		for (; *p && (inq || *p != ','); p++)
			if (*p == '"')
				inq = !inq;
		val = xstrndup(start, (size_t)(p - start));
		{
			char *v = sm_trim(val);
			size_t l = strlen(v);
			if (l >= 2 && v[0] == '"' && v[l - 1] == '"') {
				v[l - 1] = '\0';
				v++;
			}
			if (key == 'E')
				eol_given = 1;
			set_field(cf, m, key, v);
		}
		free(val);
	}
	if (m->argv == NULL) {
		cf_err(cf, "M%s: A= argument required", m->name);
		mailer_free(m);
		return;
	}
	if (m->path == NULL) {
		cf_err(cf, "M%s: P= argument required", m->name);
		mailer_free(m);
		return;
	}
	/* the program mailer takes one recipient per delivery */
	if (strcmp(m->name, "prog") == 0)
		m->flags['m'] = 0;
	/* an SMTP mailer's types default to DNS names, RFC 822 addresses
	 * and SMTP diagnostics */
	if (strcmp(m->path, "[IPC]") == 0) {
		if (m->mtatype == NULL)
			m->mtatype = xstrdup("dns");
		if (m->addrtype == NULL)
			m->addrtype = xstrdup("rfc822");
		if (m->diagtype == NULL)
			m->diagtype = xstrdup("smtp");
	}
	/* without E=, a mailer whose argv names the recipient ($u) is a
	 * local program and ends lines with \n; others (SMTP, LMTP) \r\n */
	if (!eol_given && strstr(m->argv, "$u") == NULL) {
		free(m->eol);
		m->eol = xstrdup("\r\n");
	}
	mailer_install(cf, m);
}

static void def(cf_t *cf, const char *spec)
{
	char *s = xstrdup(spec);
	mailer_parse_line(cf, s);
	free(s);
}

void cf_setup_default_mailers(cf_t *cf)
{
	def(cf, "prog, P=/bin/sh, F=lsouDq9, T=X-Unix/X-Unix/X-Unix, A=sh -c $u");
	def(cf, "*file*, P=[FILE], F=lsDFMPEouq9, T=X-Unix/X-Unix/X-Unix, A=FILE $u");
	def(cf, "*include*, P=/dev/null, F=su, A=INCLUDE $u");
}

static void put_escaped(buf_t *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\n': buf_adds(out, "\\n"); break;
		case '\r': buf_adds(out, "\\r"); break;
		case '\t': buf_adds(out, "\\t"); break;
		default: buf_addc(out, *s);
		}
	}
}

void mailer_format(const cf_t *cf, const mailer_t *m, buf_t *out)
{
	char b1[16], b2[16];
	int c;

	buf_printf(out, "mailer %d (%s): P=%s S=", m->index, m->name, m->path ? m->path : "");
	buf_printf(out, "%s/", cf_ruleset_name(cf, m->se, b1, sizeof b1));
	buf_printf(out, "%s R=", cf_ruleset_name(cf, m->sh, b2, sizeof b2));
	buf_printf(out, "%s/", cf_ruleset_name(cf, m->re, b1, sizeof b1));
	buf_printf(out, "%s M=%ld U=", cf_ruleset_name(cf, m->rh, b2, sizeof b2), m->maxsize);
	if (m->user)
		buf_printf(out, "%s:%ld F=", m->user, m->gid);
	else
		buf_printf(out, "%ld:%ld F=", m->uid, m->gid);
	for (c = 0; c < 256; c++)
		if (m->flags[c])
			buf_addc(out, c);
	buf_printf(out, " L=%ld E=", m->linelimit);
	put_escaped(out, m->eol ? m->eol : "");
	buf_printf(out, " T=%s/%s/%s r=%ld",
		   m->mtatype ? m->mtatype : "<undefined>",
		   m->addrtype ? m->addrtype : "<undefined>",
		   m->diagtype ? m->diagtype : "<undefined>", m->maxrcpt);
	if (m->nice)
		buf_printf(out, " N=%ld", m->nice);
	if (m->maxmsgs)
		buf_printf(out, " m=%ld", m->maxmsgs);
	if (m->dir && 0)
		buf_printf(out, " D=%s", m->dir);
	buf_printf(out, " A=%s", m->argv ? m->argv : "");
}
