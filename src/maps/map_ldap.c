/* map_ldap.c - the ldap map class: connects and binds through
 * OpenLDAP's libldap when the map is first used, builds the search
 * filter from -k (%s the key, %0 the key escaped per RFC 2254, %1..%9
 * the escaped arguments with -K), searches and joins the values the
 * way the reference does (-z, -V, -n, -1, objectClass filters of -v).
 * Server and search failures are temporary (75), with the reference's
 * messages.  K line parsing is in map_ldapargs.c. */
#define LDAP_DEPRECATED 1
#include "maps/map_ldap.h"
#include "conf/cf.h"
#include "conf/options.h"
#include "lib/exitstat.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include "maps/ldap_dl.h"

/* a run-time error whose text is not an errno text */
static void ldap_err(const char *fmt, const char *a, const char *b, const char *why)
{
	buf_t t = BUF_INIT(4096);

	(void)buf_printf(&t, fmt, a, b);
	map_message("%s: %s", buf_str(&t), why);
	buf_free(&t);
	if (sm_exitstat == 0)
		sm_set_exitstat(EX_OSERR);
}

/* how long one operation may take: -l, else LDAP_WAIT_MAX (a server
 * that accepts and never answers must not hang the MTA) */
#define LDAP_WAIT_MAX 300
static long ldap_wait_seconds(const ldap_spec_t *s)
{
	return s->timelimit > 0 ? s->timelimit : LDAP_WAIT_MAX;
}

static void set_options(ldap_spec_t *s, LDAP *ld)
{
	/* LDAP_OPT_ON names a liblber variable, which a library loaded at run
	 * time cannot give us at link time; any non-NULL pointer means "on" */
	static int on = 1;
	int v;

	if (s->version > 0)
		(void)ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &s->version);
	v = s->deref >= 0 ? s->deref : LDAP_DEREF_NEVER;
	(void)ldap_set_option(ld, LDAP_OPT_DEREF, &v);
	(void)ldap_set_option(ld, LDAP_OPT_TIMELIMIT, &s->timelimit);
	(void)ldap_set_option(ld, LDAP_OPT_SIZELIMIT, &s->sizelimit);
	(void)ldap_set_option(ld, LDAP_OPT_REFERRALS, s->noreferrals ? LDAP_OPT_OFF : (void *)&on);
	if (s->nettimeout > 0) {
		struct timeval tv = { s->nettimeout, 0 };
		(void)ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &tv);
	}
	/* the bind never waits for ever: -l, else LDAP_WAIT_MAX seconds
	 * (the reference waits without end) */
	{
		struct timeval op = { ldap_wait_seconds(s), 0 };
		(void)ldap_set_option(ld, LDAP_OPT_TIMEOUT, &op);
	}
}

/* the URI list of -h/-p (each host may carry its own :port) */
static void host_uris(ldap_spec_t *s, buf_t *u)
{
	const char *h = s->hosts ? s->hosts : "localhost";
	int port = s->port > 0 ? s->port : LDAP_PORT;

	while (*h) {
		size_t n;
		while (*h == ' ' || *h == '\t')
			h++;
		n = strcspn(h, " \t");
		if (n == 0)
			break;
		if (u->len)
			buf_addc(u, ' ');
		if (strstr(h, "://") != NULL && (size_t)(strstr(h, "://") - h) < n)
			buf_add(u, h, n);
		else if (memchr(h, ':', n))
			(void)buf_printf(u, "ldap://%.*s", (int)n, h);
		else
			(void)buf_printf(u, "ldap://%.*s:%d", (int)n, h, port);
		h += n;
	}
}

static int lmap_open(map_t *m)
{
	ldap_spec_t *s = ldap_spec(m);
	const char *def = CF ? opt_str(&CF->opt, OPT_LDAPDefaultSpec) : NULL;
	buf_t u = BUF_INIT(0);
	LDAP *ld = NULL;
	const char *why = NULL;
	int rc, err;

	if (!ldap_fn_load(&why)) {
		if (!(m->flags & MF_OPTIONAL))
			map_message("ldap map %s: %s", m->name, why);
		return MAP_TEMPFAIL;
	}
	if (def)
		ldap_apply_default(m, def);
	if (s->uri)
		buf_adds(&u, s->uri);
	else
		host_uris(s, &u);
	rc = ldap_initialize(&ld, buf_str(&u));
	buf_free(&u);
	if (rc == LDAP_SUCCESS) {
		set_options(s, ld);
		rc = ldap_bind_s(ld, s->binddn, s->secret,
				 s->method >= 0 ? s->method : (int)LDAP_AUTH_SIMPLE);
	}
	err = errno;
	if (rc != LDAP_SUCCESS) {
		if (ld)
			(void)ldap_unbind_ext(ld, NULL, NULL);
		if (!(m->flags & MF_OPTIONAL))
			map_syserr(err, "ldap_init/ldap_bind failed to %s in map %s",
				   s->uri ? s->uri : s->hosts ? s->hosts : "localhost", m->name);
		return MAP_TEMPFAIL;
	}
	s->ld = ld;
	return MAP_OK;
}

static void lmap_close(map_t *m)
{
	ldap_spec_t *s = m->handle;

	if (s == NULL)
		return;
	if (s->ld)
		(void)ldap_unbind_ext(s->ld, NULL, NULL);
	ldap_spec_free(s);
	m->handle = NULL;
}

/* RFC 2254 escaping of a key for a filter */
static void filter_escape(buf_t *f, const char *k)
{
	for (; *k; k++) {
		if (*k == '*' || *k == '(' || *k == ')' || *k == '\\')
			(void)buf_printf(f, "\\%02x", (unsigned char)*k);
		else
			buf_addc(f, *k);
	}
}

static void build_filter(map_t *m, const char *key, const char **args, int nargs, buf_t *f)
{
	ldap_spec_t *s = m->handle;
	const char *p;

	for (p = m->keycol; *p; p++) {
		if (*p != '%' || p[1] == '\0') {
			buf_addc(f, *p);
			continue;
		}
		p++;
		if (*p == 's')
			buf_adds(f, key);
		else if (*p == '0')
			filter_escape(f, key);
		else if (*p >= '1' && *p <= '9' && s->multiarg) {
			if (*p - '1' < nargs && args[*p - '1'])
				filter_escape(f, args[*p - '1']);
		} else {
			buf_addc(f, '%');
			buf_addc(f, *p);
		}
	}
}

/* does the entry carry every objectClass of the ":"-list cls? */
static bool has_classes(LDAP *ld, LDAPMessage *e, const char *cls)
{
	char **oc = ldap_get_values(ld, e, "objectClass");
	const char *c = cls;
	bool all = true;

	while (all && *c) {
		size_t n = strcspn(c, ":");
		bool found = false;
		int i;
		for (i = 0; oc && oc[i]; i++)
			if (strlen(oc[i]) == n && strncasecmp(oc[i], c, n) == 0)
				found = true;
		all = found;
		c += n;
		if (*c == ':')
			c++;
	}
	if (oc)
		ldap_value_free(oc);
	return all;
}

static bool wanted(ldap_spec_t *s, LDAP *ld, LDAPMessage *e, const char *a)
{
	int i;

	for (i = 0; i < s->nattr; i++)
		if (strcasecmp(s->attr[i].name, a) == 0)
			return s->attr[i].type == LA_NORMAL &&
			       (s->attr[i].classes == NULL || has_classes(ld, e, s->attr[i].classes));
	return s->nattr == 0;
}

/* one value into the result; false once the first value is all we want */
static bool add_value(map_t *m, ldap_spec_t *s, const char *a, const char *v, buf_t *out, bool *any)
{
	int d = map_coldelim_char(m);

	if (*any && d)
		buf_addc(out, d);
	if (s->valsep && v) {
		buf_adds(out, a);
		buf_adds(out, s->valsep);
	}
	buf_adds(out, v ? v : a);
	*any = true;
	return d != 0;
}

/* the values of one entry; LDAP_SUCCESS or the error of ldap_get_values */
static int entry_values(map_t *m, LDAP *ld, LDAPMessage *e, buf_t *out, bool *any)
{
	ldap_spec_t *s = m->handle;
	BerElement *ber = NULL;
	char *a;
	int rc = LDAP_SUCCESS;
	bool more = true;

	for (a = ldap_first_attribute(ld, e, &ber); a && more; a = ldap_next_attribute(ld, e, ber)) {
		char **v;
		int i;
		if (!wanted(s, ld, e, a)) {
			ldap_memfree(a);
			continue;
		}
		if (s->attrsonly) {
			more = add_value(m, s, a, NULL, out, any);
			ldap_memfree(a);
			continue;
		}
		v = ldap_get_values(ld, e, a);
		if (v == NULL)
			(void)ldap_get_option(ld, LDAP_OPT_RESULT_CODE, &rc);
		for (i = 0; v && v[i] && more; i++)
			more = add_value(m, s, a, v[i], out, any);
		if (v)
			ldap_value_free(v);
		ldap_memfree(a);
		a = NULL;
		if (rc != LDAP_SUCCESS)
			break;
	}
	if (a && !more)
		ldap_memfree(a);
	if (ber)
		ber_free(ber, 0);
	return rc;
}

/* wait for the search result; LDAP_SUCCESS with *res set, else the
 * reason in *why (an ldap error text or an errno text) */
static int wait_result(ldap_spec_t *s, int msgid, LDAPMessage **res, const char **why)
{
	struct timeval tv = { ldap_wait_seconds(s), 0 };
	int rc = ldap_result(s->ld, msgid, LDAP_MSG_ALL, &tv, res);

	if (rc == 0) {
		(void)ldap_abandon_ext(s->ld, msgid, NULL, NULL);
		*why = strerror(ETIMEDOUT);
		return LDAP_TIMEOUT;
	}
	if (rc < 0) {
		(void)ldap_get_option(s->ld, LDAP_OPT_RESULT_CODE, &rc);
		*why = ldap_err2string(rc);
		return rc;
	}
	return LDAP_SUCCESS;
}

/* collect the entries of res into out: 1 found, 0 not, -1 error (*code) */
static int collect(map_t *m, LDAPMessage *res, buf_t *out, int *code)
{
	ldap_spec_t *s = m->handle;
	LDAPMessage *e;
	int n = 0, rc = LDAP_SUCCESS;
	bool any = false;

	*code = LDAP_SUCCESS;
	if (ldap_parse_result(s->ld, res, &rc, NULL, NULL, NULL, NULL, 0) == LDAP_SUCCESS && rc != LDAP_SUCCESS) {
		*code = rc;
		return -1;
	}
	for (e = ldap_first_entry(s->ld, res); e; e = ldap_next_entry(s->ld, e)) {
		n++;
		if (s->nattr == 0 && !(m->flags & MF_MATCHONLY)) {
			*code = -EFAULT;
			return -1;
		}
		if (any && !map_coldelim_char(m))
			continue;
		rc = entry_values(m, s->ld, e, out, &any);
		if (rc != LDAP_SUCCESS) {
			*code = rc;
			return -1;
		}
	}
	if (s->single && n > 1)
		return 0;
	return (m->flags & MF_MATCHONLY) ? n > 0 : any;
}

static int search(map_t *m, const char *key, const char *filter, buf_t *out, int *stat)
{
	ldap_spec_t *s = m->handle;
	char *attrs[LDAP_MAXATTR + 2];
	bool oc = false;
	LDAPMessage *res = NULL;
	const char *why = NULL;
	int i, msgid, rc, code;

	for (i = 0; i < s->nattr; i++) {
		attrs[i] = s->attr[i].name;
		if (s->attr[i].classes)
			oc = true;
	}
	if (oc)   /* the objectClass filters of -v need it */
		attrs[i++] = "objectClass";
	attrs[i] = NULL;
	msgid = ldap_search(s->ld, s->base ? s->base : "", s->scope >= 0 ? s->scope : LDAP_SCOPE_SUBTREE,
			    filter, s->nattr ? attrs : NULL, s->attrsonly);
	if (msgid < 0) {
		(void)ldap_get_option(s->ld, LDAP_OPT_RESULT_CODE, &rc);
		ldap_err("Error in ldap_search in map %s%s", m->name, "", ldap_err2string(rc));
		*stat = MAP_TEMPFAIL;
		return 0;
	}
	if (wait_result(s, msgid, &res, &why) != LDAP_SUCCESS) {
		ldap_err("Error getting LDAP results, map=%s, name=%s", m->name, key, why);
		*stat = MAP_TEMPFAIL;
		return 0;
	}
	rc = collect(m, res, out, &code);
	ldap_msgfree(res);
	if (rc < 0) {
		ldap_err("Error getting LDAP results, map=%s, name=%s", m->name, key,
			 code == -EFAULT ? strerror(EFAULT) : ldap_err2string(code));
		*stat = code == -EFAULT ? EX_SOFTWARE : MAP_TEMPFAIL;
		return 0;
	}
	*stat = rc ? MAP_OK : MAP_NOTFOUND;
	return rc;
}

static int ldap_lookup_full(map_t *m, const char *key, const char **args, int nargs,
			    buf_t *out, int *stat)
{
	buf_t k = BUF_INIT(0), f = BUF_INIT(0), v = BUF_INIT(0);
	int found;

	buf_adds(&k, key);
	if (!(m->flags & MF_NOFOLDCASE) && k.p)
		sm_lower(k.p);
	build_filter(m, buf_str(&k), args, nargs, &f);
	found = search(m, buf_str(&k), buf_str(&f), &v, stat);
	if (found) {
		if (m->flags & MF_MATCHONLY)
			map_rewrite(m, key, strlen(key), key, args, nargs, out);
		else
			map_rewrite(m, buf_str(&v), v.len, key, args, nargs, out);
	}
	buf_free(&k); buf_free(&f); buf_free(&v);
	return found;
}

const map_class_t map_class_ldap = {
	"ldap", ldap_parse_flag, ldap_parse_rest, lmap_open, NULL, ldap_lookup_full,
	lmap_close, MF_CLASSFLAGS
};
