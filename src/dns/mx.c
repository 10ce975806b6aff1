/* mx.c - MX lists (the reference's getmxrr): address literals, the MX
 * query through the resolver search list, null MX, sorting with a
 * per-process tie-break for equal preferences, duplicate removal, the
 * "points back to me" cut, and the fall back to the canonical host name
 * when there are no MX records. */
#include "dns/dns.h"
#include "dns/dns_int.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include <ctype.h>
#include <netdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

struct mxent {
	char name[NS_MAXDNAME];
	unsigned pref;
	uint32_t weight;
};

struct mxlist {
	struct mxent *e;
	int n, max;
	int localpref;       /* lowest preference pointing at us, or -1 */
	bool droplocal;
	bool fixed;          /* DNS_MX_FIXED */
};

/* FNV-1a of the lowercased name from seed */
static uint32_t mx_hash(const char *name, uint32_t seed)
{
	uint32_t h = 2166136261u ^ seed;

	for (; *name != '\0'; name++) {
		h ^= (uint32_t)tolower((unsigned char)*name);
		h *= 16777619u;
	}
	return h;
}

/* tie-break for equal preferences: stable within a process, varies
 * between processes (as the reference's time-seeded ordering does);
 * with fixed, the same in every process and this host first */
static uint32_t mx_weight(const char *name, bool fixed)
{
	static uint32_t seed;

	if (fixed)
		return dns_is_local(name) ? 0 : mx_hash(name, 1) | 1;
	if (seed == 0) {
		seed = (uint32_t)time(NULL) ^ ((uint32_t)getpid() << 16);
		if (seed == 0)
			seed = 1;
	}
	return mx_hash(name, seed);
}

static bool collect_mx(const struct dns_rr *rr, void *arg)
{
	struct mxlist *l = arg;
	struct mxent *e;

	if (rr->type != ns_t_mx)
		return true;
	if (dns_is_local(rr->data)) {
		if (l->localpref < 0 || rr->pref < (unsigned)l->localpref)
			l->localpref = (int)rr->pref;
		if (l->droplocal)
			return true;
	}
	if (l->n >= l->max)
		return true;
	e = &l->e[l->n++];
	sm_strlcpy(e->name, rr->data, sizeof e->name);
	e->pref = rr->pref;
	e->weight = mx_weight(rr->data, l->fixed);
	return true;
}

static int cmp_mx(const void *a, const void *b)
{
	const struct mxent *x = a, *y = b;

	if (x->pref != y->pref)
		return x->pref < y->pref ? -1 : 1;
	if (x->weight != y->weight)
		return x->weight < y->weight ? -1 : 1;
	return strcasecmp(x->name, y->name);
}

/* drop later duplicates (case-insensitive), keep order */
static void dedup(struct mxlist *l)
{
	int i, j, k = 0;

	for (i = 0; i < l->n; i++) {
		for (j = 0; j < k; j++)
			if (strcasecmp(l->e[j].name, l->e[i].name) == 0)
				break;
		if (j == k)
			l->e[k++] = l->e[i];
	}
	l->n = k;
}

static char *with_dot(const char *name)
{
	size_t len = strlen(name);
	char *s = xmalloc(len + 2);

	memcpy(s, name, len);
	if (len == 0 || name[len - 1] != '.')
		s[len++] = '.';
	s[len] = '\0';
	return s;
}

static void set_pref(unsigned short *prefs, int i, unsigned v)
{
	if (prefs != NULL)
		prefs[i] = (unsigned short)v;
}

/* no MX records: the canonical name of the host itself */
static int punt(const char *host, char **mx, unsigned short *prefs,
		int *rcode)
{
	size_t size = strlen(host) + DNS_MAXNAME;
	char *buf = xmalloc(size);
	int st;

	sm_strlcpy(buf, host, size);
	if (!dns_getcanonname(buf, size, false, &st)) {
		*rcode = st == DNS_EX_TEMPFAIL ? DNS_EX_TEMPFAIL : DNS_EX_NOHOST;
		free(buf);
		return 0;
	}
	mx[0] = with_dot(buf);
	set_pref(prefs, 0, 0);
	free(buf);
	return 1;
}

/* "[...]": an address is returned as given, a name is canonified */
static int mx_literal(const char *host, char **mx, unsigned short *prefs,
		      int *rcode)
{
	const char *end = strchr(host, ']');
	unsigned char addr[16];
	char *inner;
	int r;

	if (end == NULL) {
		*rcode = DNS_EX_NOHOST;
		return 0;
	}
	inner = xstrndup(host + 1, (size_t)(end - host - 1));
	if (dns_parse_literal(inner, addr) != 0) {
		mx[0] = xstrdup(host);
		set_pref(prefs, 0, 0);
		r = 1;
	} else {
		r = punt(inner, mx, prefs, rcode);
	}
	free(inner);
	return r;
}

/* MX query failed: decide between fall back and temporary failure */
static int mx_failed(const char *host, char **mx, unsigned short *prefs,
		     int *rcode)
{
	switch (dns_last_herrno()) {
	case NO_DATA:
		return punt(host, mx, prefs, rcode);
	case NO_RECOVERY:    /* e.g. an empty label: no fall back */
		*rcode = DNS_EX_NOHOST;
		return 0;
	case HOST_NOT_FOUND:
		*rcode = DNS_EX_NOHOST;
		return punt(host, mx, prefs, rcode);
	default:
		*rcode = DNS_EX_TEMPFAIL;
		return -1;
	}
}

/* sorted, de-duplicated, local-cut list -> caller's arrays */
static int finish(const char *host, struct mxlist *l, char **mx,
		  unsigned short *prefs, int *rcode)
{
	int i;

	if (l->n == 1 && l->e[0].pref == 0 && l->e[0].name[0] == '\0') {
		*rcode = DNS_EX_UNAVAILABLE;
		return DNS_NULLMX;
	}
	qsort(l->e, (size_t)l->n, sizeof l->e[0], cmp_mx);
	dedup(l);
	if (l->droplocal && l->localpref >= 0) {
		for (i = 0; i < l->n; i++)
			if (l->e[i].pref >= (unsigned)l->localpref)
				break;
		l->n = i;
		if (l->n == 0) {
			dns_msgf("MX list for %s points back to %s", host,
				 dns_myhostname());
			*rcode = DNS_EX_CONFIG;
			return -1;
		}
	}
	if (l->n == 0)
		*rcode = DNS_EX_NOHOST;
	for (i = 0; i < l->n; i++) {
		mx[i] = with_dot(l->e[i].name);
		set_pref(prefs, i, l->e[i].pref);
	}
	return l->n;
}

int dns_getmxrr_opts(const char *host, char **mx, unsigned short *prefs,
		     int maxmx, unsigned flags, int *rcode)
{
	static unsigned char ans[DNS_ANSWER_MAX];
	struct mxlist l;
	int n, dummy, r;

	if (rcode == NULL)
		rcode = &dummy;
	*rcode = DNS_EX_OK;
	if (maxmx <= 0)
		return 0;
	if (host[0] == '[')
		return mx_literal(host, mx, prefs, rcode);
	n = dns_search(host, ns_t_mx, ans, sizeof ans);
	if (n < 0)
		return mx_failed(host, mx, prefs, rcode);
	memset(&l, 0, sizeof l);
	l.max = maxmx < DNS_MAXMXHOSTS ? maxmx : DNS_MAXMXHOSTS;
	l.e = xcalloc((size_t)l.max, sizeof *l.e);
	l.localpref = -1;
	l.droplocal = (flags & DNS_MX_DROPLOCAL) != 0;
	l.fixed = (flags & DNS_MX_FIXED) != 0;
	(void)dns_each_answer(ans, n, collect_mx, &l);
	r = finish(host, &l, mx, prefs, rcode);
	free(l.e);
	return r;
}

int dns_getmxrr(const char *host, char **mx, unsigned short *prefs,
		int maxmx, bool droplocalhost, int *rcode)
{
	return dns_getmxrr_opts(host, mx, prefs, maxmx,
				droplocalhost ? DNS_MX_DROPLOCAL : 0, rcode);
}

void dns_free_mx(char **mx, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(mx[i]);
		mx[i] = NULL;
	}
}
