/* map_dns.c - the dns map class: "Kname dns -RTYPE [-zDELIM] [-Bbase]
 * [-dSECS] [-rTRIES]".  A key is looked up through the resolver's search
 * list (with ".base" appended when -B is given) for records of the -R
 * type (A, AAAA, AFSDB, CNAME, MX, NS, PTR, SRV, TXT).  Without -z the
 * first record of that type is the value; with -z all of them, in the
 * order of the answer, joined by the delimiter, and cut off with "..."
 * where the next one would not fit in the reference's result size.
 * Keys are used as given (no quote stripping, no case folding).  A
 * missing or unknown -R type is a configuration error and the map then
 * answers every key with "no match" (68), as the reference does. */
#include "maps/map.h"
#include "dns/dns.h"
#include "lib/xalloc.h"
#include <arpa/nameser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DNSMAP_RESULT_MAX 627   /* longest joined value (observed) */
#define DNSMAP_MORE "..."

typedef struct dnsmap {
	int type;        /* ns_t_*, 0 when -R is missing or wrong */
	char *base;      /* -B */
	int retrans;     /* -d */
	int retry;       /* -r */
} dnsmap_t;

static const struct { const char *name; int type; } rrtypes[] = {
	{ "A", ns_t_a }, { "AAAA", ns_t_aaaa }, { "AFSDB", ns_t_afsdb },
	{ "CNAME", ns_t_cname }, { "MX", ns_t_mx }, { "NS", ns_t_ns },
	{ "PTR", ns_t_ptr }, { "SRV", ns_t_srv }, { "TXT", ns_t_txt },
};

static dnsmap_t *dm_of(map_t *m)
{
	if (m->handle == NULL)
		m->handle = xcalloc(1, sizeof(dnsmap_t));
	return m->handle;
}

/* a flag's argument: blanks before it are skipped (-R A), then one word */
static char *word_arg(const char **pp)
{
	const char *p = *pp, *s;

	while (*p == ' ' || *p == '\t')
		p++;
	for (s = p; *p && *p != ' ' && *p != '\t'; p++)
		;
	*pp = p;
	return xstrndup(s, (size_t)(p - s));
}

static void set_type(map_t *m, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof rrtypes / sizeof rrtypes[0]; i++)
		if (strcasecmp(rrtypes[i].name, name) == 0) {
			dm_of(m)->type = rrtypes[i].type;
			return;
		}
	map_conf_error("dns map %s: wrong type %s", m->name, name);
}

static int dns_parse_flag(map_t *m, int flag, const char **argp)
{
	dnsmap_t *d = dm_of(m);
	char *a;

	switch (flag) {
	case 'R': a = word_arg(argp); set_type(m, a); free(a); return 0;
	case 'B': free(d->base); d->base = word_arg(argp); return 0;
	case 'd': a = word_arg(argp); d->retrans = atoi(a); free(a); return 0;
	case 'r': a = word_arg(argp); d->retry = atoi(a); free(a); return 0;
	default: return -1;
	}
}

static int dns_parse_rest(map_t *m, const char *rest)
{
	(void)rest;
	if (dm_of(m)->type == 0)
		map_conf_error("dns map %s: missing -R type", m->name);
	return 0;
}

static void dns_close(map_t *m)
{
	dnsmap_t *d = m->handle;

	if (d == NULL)
		return;
	free(d->base);
	free(d);
	m->handle = NULL;
}

/* n NUL-terminated values joined by delim; a value that would end past
 * the result size (leaving room for delim and "..." when more follow)
 * ends the result with "..." instead */
static void join_values(const buf_t *vals, int n, int delim, buf_t *out)
{
	const char *v = vals->p;
	size_t used = 0;
	int i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(v);
		size_t room = i + 1 < n ? sizeof DNSMAP_MORE : 0;

		if (used + len + room > DNSMAP_RESULT_MAX) {
			buf_adds(out, DNSMAP_MORE);
			return;
		}
		buf_add(out, v, len);
		used += len;
		if (i + 1 < n) {
			buf_addc(out, delim);
			used++;
		}
		v += len + 1;
	}
}

static int dns_lookup(map_t *m, const char *key, const char **args, int nargs,
		      buf_t *out, int *stat)
{
	dnsmap_t *d = dm_of(m);
	buf_t name = BUF_INIT(4096), vals = BUF_INIT(1024 * 1024), res = BUF_INIT(0);
	int n, delim = map_coldelim_char(m);

	*stat = MAP_NOTFOUND;
	if (d->type == 0)
		return 0;
	buf_adds(&name, key);
	if (d->base != NULL) {
		buf_addc(&name, '.');
		buf_adds(&name, d->base);
	}
	n = name.overflow ? -MAP_NOTFOUND
			  : dns_lookup_values(buf_str(&name), d->type, d->retrans, d->retry, &vals);
	if (n > 0) {
		*stat = MAP_OK;
		if (delim == '\0')
			n = 1;
		join_values(&vals, n, delim, &res);
		if (m->flags & MF_MATCHONLY)
			map_rewrite(m, key, strlen(key), key, args, nargs, out);
		else
			map_rewrite(m, buf_str(&res), res.len, key, args, nargs, out);
	} else if (n == -MAP_TEMPFAIL)
		*stat = MAP_TEMPFAIL;
	buf_free(&name);
	buf_free(&vals);
	buf_free(&res);
	return n > 0;
}

const map_class_t map_class_dns = {
	"dns", dns_parse_flag, dns_parse_rest, NULL, NULL, dns_lookup, dns_close,
	MF_KEEPQUOTES
};
