/* map_ldapargs.c - the ldap map class's K line: the ldapsearch-like
 * flags (-h -p -H -b -s -k -v -z -d -M -P -l -r -Z -1 -n -R -V -w -K
 * -c), their diagnostics as the reference gives them, the attribute
 * list of -v with its types and objectClass filters, and the defaults
 * of the LDAPDefaultSpec option. */
#include "maps/map_ldap.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ldap.h>

static bool in_default;   /* parsing LDAPDefaultSpec, not a K line */

ldap_spec_t *ldap_spec(map_t *m)
{
	ldap_spec_t *s = m->handle;

	if (s == NULL) {
		s = xcalloc(1, sizeof *s);
		s->port = s->scope = s->deref = s->method = s->version = -1;
		m->handle = s;
	}
	return s;
}

void ldap_spec_free(ldap_spec_t *s)
{
	int i;

	free(s->hosts); free(s->uri); free(s->base); free(s->binddn);
	free(s->secret); free(s->valsep);
	for (i = 0; i < s->nattr; i++) {
		free(s->attr[i].name);
		free(s->attr[i].classes);
	}
	free(s);
}

/* a flag's argument: after optional blanks, a "quoted string" or a word */
static char *ldap_arg(const char **pp)
{
	const char *p = *pp, *s;
	char *r;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '"') {
		s = ++p;
		while (*p && *p != '"')
			p++;
		r = xstrndup(s, (size_t)(p - s));
		if (*p == '"')
			p++;
	} else {
		s = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		r = xstrndup(s, (size_t)(p - s));
	}
	*pp = p;
	return r;
}

static int keyword(const char *v, const char *const *names, const int *vals)
{
	int i;

	if (strncasecmp(v, "LDAP_", 5) == 0)
		v += 5;
	for (i = 0; names[i]; i++)
		if (strncasecmp(v, names[i], strlen(names[i])) == 0)
			return vals[i];
	return -2;
}

static int parse_method(map_t *m, const char *v)
{
	static const char *const n[] = { "AUTH_NONE", "AUTH_SIMPLE", "AUTH_KRBV4", "NONE", "SIMPLE", "KRBV4", NULL };
	static const int x[] = { LDAP_AUTH_NONE, LDAP_AUTH_SIMPLE, 0xff, LDAP_AUTH_NONE, LDAP_AUTH_SIMPLE, 0xff };
	int r = keyword(v, n, x);

	if (r == -2)
		map_conf_error("Method for binding must be [none|simple|krbv4] (not %s) in map %s", v, m->name);
	return r;
}

static int parse_deref(map_t *m, const char *v)
{
	static const char *const n[] = { "DEREF_NEVER", "DEREF_ALWAYS", "DEREF_SEARCHING", "DEREF_FINDING",
		"NEVER", "ALWAYS", "SEARCH", "FIND", NULL };
	static const int x[] = { LDAP_DEREF_NEVER, LDAP_DEREF_ALWAYS, LDAP_DEREF_SEARCHING, LDAP_DEREF_FINDING,
		LDAP_DEREF_NEVER, LDAP_DEREF_ALWAYS, LDAP_DEREF_SEARCHING, LDAP_DEREF_FINDING };
	int r = keyword(v, n, x);

	if (r == -2)
		map_conf_error("Deref must be [never|always|search|find] (not %s) in map %s", v, m->name);
	return r;
}

static int parse_scope(map_t *m, const char *v)
{
	static const char *const n[] = { "SCOPE_BASE", "SCOPE_ONELEVEL", "SCOPE_SUBTREE", "BASE", "ONE", "SUB", NULL };
	static const int x[] = { LDAP_SCOPE_BASE, LDAP_SCOPE_ONELEVEL, LDAP_SCOPE_SUBTREE,
		LDAP_SCOPE_BASE, LDAP_SCOPE_ONELEVEL, LDAP_SCOPE_SUBTREE };
	int r = keyword(v, n, x);

	if (r == -2)
		map_conf_error("Scope must be [base|one|sub] (not %s) in map %s", v, m->name);
	return r;
}

/* -P: the first line of the file is the secret */
static int read_secret(map_t *m, ldap_spec_t *s, const char *path)
{
	char line[1024];
	FILE *f = fopen(path, "r");

	if (f == NULL) {
		map_conf_error("LDAP map: cannot open secret %s: %s", path, strerror(errno));
		return -1;
	}
	if (fgets(line, sizeof line, f) == NULL)
		line[0] = '\0';
	(void)fclose(f);
	line[strcspn(line, "\r\n")] = '\0';
	free(s->secret);
	s->secret = xstrdup(line);
	(void)m;
	return 0;
}

static int attr_type(const char *t)
{
	static const char *const n[] = { "normal", "dn", "filter", "url", NULL };
	int i;

	for (i = 0; n[i]; i++)
		if (strcasecmp(t, n[i]) == 0)
			return i;
	return -1;
}

/* -v a[:type[:class...]],b... ; 0 ok, -1 bad */
static int parse_attrs(map_t *m, ldap_spec_t *s, char *v)
{
	char *save = NULL, *a;
	bool normal = false, recurse = false;

	for (a = strtok_r(v, ",", &save); a && s->nattr < LDAP_MAXATTR; a = strtok_r(NULL, ",", &save)) {
		ldap_attr_t *at = &s->attr[s->nattr];
		char *c = strchr(a, ':'), *cls = NULL;
		int t = LA_NORMAL;

		if (c) {
			*c++ = '\0';
			cls = strchr(c, ':');
			if (cls)
				*cls++ = '\0';
			t = attr_type(c);
			if (t < 0) {
				map_conf_error("Unknown attribute type (%s) in %s", c, m->name);
				return -1;
			}
		}
		at->name = xstrdup(a);
		at->type = t;
		at->classes = cls ? xstrdup(cls) : NULL;
		s->nattr++;
		if (t == LA_NORMAL)
			normal = true;
		else
			recurse = true;
	}
	if (recurse && !normal) {
		map_conf_error("LDAP recursion requested in %s but no returnable attribute given", m->name);
		return -1;
	}
	return 0;
}

static bool bad;   /* the K line had an error that keeps the map closed */

static int int_arg(const char **pp)
{
	char *v = ldap_arg(pp);
	int n = atoi(v);

	free(v);
	return n;
}

/* flags with a text argument; 1 if f is not one of them */
static int text_flag(map_t *m, ldap_spec_t *s, int f, const char **pp)
{
	char **dst;
	char *v;

	switch (f) {
	case 'h': dst = &s->hosts; break;
	case 'H': dst = &s->uri; break;
	case 'b': dst = &s->base; break;
	case 'd': dst = &s->binddn; break;
	case 'V': dst = &s->valsep; break;
	case 'k': dst = &m->keycol; break;
	case 'z': dst = &m->coldelim; break;
	default: return 1;
	}
	v = ldap_arg(pp);
	free(*dst);
	*dst = v;
	if ((f == 'h' || f == 'H') && s->hosts && s->uri) {
		map_conf_error("Can not specify both an LDAP host and an LDAP URI in map %s", m->name);
		bad = true;
	}
	return 0;
}

/* flags with a keyword, number or file argument, and the plain ones */
static int other_flag(map_t *m, ldap_spec_t *s, int f, const char **pp)
{
	char *v;
	int r = 0;

	switch (f) {
	case 'p': s->port = int_arg(pp); return 0;
	case 'l': s->timelimit = int_arg(pp); return 0;
	case 'Z': s->sizelimit = int_arg(pp); return 0;
	case 'c': s->nettimeout = int_arg(pp); return 0;
	case '1': s->single = true; return 0;
	case 'n': s->attrsonly = true; return 0;
	case 'R': s->noreferrals = true; return 0;
	case 'K': s->multiarg = true; return 0;
	case 'w':
		s->version = int_arg(pp);
		if (s->version > LDAP_VERSION_MAX) {
			map_conf_error("LDAP version %d exceeds max of %d in map %s",
				       s->version, LDAP_VERSION_MAX, m->name);
			bad = true;
		}
		return 0;
	case 's': case 'r': case 'M': case 'P': case 'v':
		break;
	default:
		return 1;
	}
	v = ldap_arg(pp);
	if (f == 's')
		r = s->scope = parse_scope(m, v);
	else if (f == 'r')
		r = s->deref = parse_deref(m, v);
	else if (f == 'M')
		r = s->method = parse_method(m, v);
	else if (f == 'P')
		r = read_secret(m, s, v) < 0 ? -2 : 0;
	else if (in_default)
		r = 0;
	else
		r = parse_attrs(m, s, v) < 0 ? -2 : 0;
	if (r == -2)
		bad = true;
	free(v);
	return 0;
}

/* generic flags the ldap class leaves to map.c */
static bool generic_flag(int f)
{
	return f && strchr("oNOfmAqDtaTS", f) != NULL;
}

int ldap_parse_flag(map_t *m, int f, const char **pp)
{
	ldap_spec_t *s = ldap_spec(m);

	if (generic_flag(f))
		return -1;
	if (text_flag(m, s, f, pp) == 0 || other_flag(m, s, f, pp) == 0)
		return 0;
	if (!in_default)
		map_conf_error("Illegal option %c map %s", f, m->name);
	while (**pp && **pp != ' ' && **pp != '\t')
		(*pp)++;
	return 0;
}

int ldap_parse_rest(map_t *m, const char *rest)
{
	(void)rest;
	(void)ldap_spec(m);
	if (!bad && m->keycol == NULL) {
		map_conf_error("No filter given in map %s", m->name);
		bad = true;
	}
	if (bad)
		map_never_opens(m);
	bad = false;
	return 0;
}

/* LDAPDefaultSpec: its settings where the K line gave none */
void ldap_apply_default(map_t *m, const char *spec)
{
	map_t d = { 0 };
	ldap_spec_t *s = ldap_spec(m), *ds;
	const char *p = spec;

	d.name = m->name;
	in_default = true;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '-' || p[1] == '\0')
			break;
		p += 2;
		(void)ldap_parse_flag(&d, p[-1], &p);
	}
	in_default = false;
	bad = false;
	ds = ldap_spec(&d);
#define TAKE(f) if (s->f == NULL && s->f != ds->f) { s->f = ds->f; ds->f = NULL; }
	if (s->hosts == NULL && s->uri == NULL) {
		TAKE(hosts) TAKE(uri)
	}
	TAKE(base) TAKE(binddn) TAKE(secret) TAKE(valsep)
#undef TAKE
#define TAKEN(f, unset) if (s->f == (unset)) s->f = ds->f;
	TAKEN(port, -1) TAKEN(scope, -1) TAKEN(deref, -1) TAKEN(method, -1) TAKEN(version, -1)
	TAKEN(timelimit, 0) TAKEN(sizelimit, 0) TAKEN(nettimeout, 0)
#undef TAKEN
	s->single |= ds->single; s->attrsonly |= ds->attrsonly;
	s->noreferrals |= ds->noreferrals; s->multiarg |= ds->multiarg;
	free(d.keycol); free(d.coldelim);
	ldap_spec_free(ds);
}
