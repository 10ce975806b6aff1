/* hostmap.c - the lookup behind $[ $] and "K name host": the canonical
 * name (the trailing dot seen in "/map host" output is the implicit host
 * map's "-a." append, not ours), reverse lookup for "[address]" keys, the
 * statuses and messages the reference gives, and its per-process result
 * cache. */
#include "dns/dns.h"
#include "dns/dns_int.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#define CACHE_BUCKETS 127
#define CACHE_TTL 3600       /* seconds, also the cap for DNS TTLs */
#define MSG_NAME_MAX 33      /* names in messages are shortened to this */

struct nc_entry {
	char *key;
	char *canon;         /* NULL when not found */
	int status;
	int herrno;
	time_t exp;
	struct nc_entry *next;
};

static struct nc_entry *g_cache[CACHE_BUCKETS];

static unsigned key_hash(const char *s)
{
	unsigned h = 5381;

	for (; *s != '\0'; s++)
		h = h * 33u + (unsigned char)*s;
	return h % CACHE_BUCKETS;
}

static struct nc_entry *cache_find(const char *key)
{
	struct nc_entry *e;

	for (e = g_cache[key_hash(key)]; e != NULL; e = e->next)
		if (strcmp(e->key, key) == 0)
			return e;
	return NULL;
}

static void cache_store(const char *key, const char *canon, int status,
			unsigned ttl)
{
	struct nc_entry *e = cache_find(key);

	if (e == NULL) {
		unsigned h = key_hash(key);

		e = xcalloc(1, sizeof *e);
		e->key = xstrdup(key);
		e->next = g_cache[h];
		g_cache[h] = e;
	}
	free(e->canon);
	e->canon = canon != NULL ? xstrdup(canon) : NULL;
	e->status = status;
	/* a hit on a found entry leaves h_errno 0, as the reference's does */
	e->herrno = status == DNS_EX_OK ? 0 : dns_last_herrno();
	if (ttl == 0 || ttl > CACHE_TTL)
		ttl = CACHE_TTL;
	e->exp = time(NULL) + (time_t)ttl;
}

void dns_host_cache_clear(void)
{
	int i;

	for (i = 0; i < CACHE_BUCKETS; i++) {
		while (g_cache[i] != NULL) {
			struct nc_entry *e = g_cache[i];

			g_cache[i] = e->next;
			free(e->key);
			free(e->canon);
			free(e);
		}
	}
}

/* status for a failed lookup, from the h_errno it left */
static int herrno_status(int h)
{
	switch (h) {
	case TRY_AGAIN:
		return DNS_EX_TEMPFAIL;
	case HOST_NOT_FOUND:
	case NO_DATA:
		return DNS_EX_NOHOST;
	case NO_RECOVERY:
		return DNS_EX_SOFTWARE;
	default:
		return DNS_EX_UNAVAILABLE;
	}
}

static void timeout_msg(const char *key, buf_t *msg)
{
	char sb[MSG_NAME_MAX + 8];

	if (msg != NULL)
		(void)buf_printf(msg, "%s: Name server timeout\n",
				 dns_shorten(key, MSG_NAME_MAX, sb, sizeof sb));
}

/* reverse lookup of addr through the system resolver (hosts, DNS) */
static bool reverse_name(int fam, const unsigned char *addr, char *out,
			 size_t outsz)
{
	struct hostent he, *hp = NULL;
	size_t cap = 1024;
	char *tmp = NULL;
	int herr = 0, rc;

	for (;;) {
		tmp = xrealloc(tmp, cap);
		rc = gethostbyaddr_r(addr, fam == AF_INET ? 4 : 16, fam, &he,
				     tmp, cap, &hp, &herr);
		if (rc != ERANGE || cap >= 1024 * 1024)
			break;
		cap *= 4;
	}
	if (rc == 0 && hp != NULL) {
		sm_strlcpy(out, hp->h_name, outsz);
		dns_set_last_herrno(0);
		free(tmp);
		return true;
	}
	dns_set_last_herrno(herr);
	free(tmp);
	return false;
}

/* "[...]" key: 0 found, else status; *cacheable false for "[x" keys */
static int lookup_literal(const char *key, char *canon, size_t csz,
			  bool *cacheable)
{
	const char *end = strchr(key, ']');
	unsigned char addr[16];
	char *inner;
	int fam;

	if (end == NULL) {
		*cacheable = false;
		return DNS_EX_OK;
	}
	inner = xstrndup(key + 1, (size_t)(end - key - 1));
	fam = dns_parse_literal(inner, addr);
	free(inner);
	if (fam == 0 || !reverse_name(fam, addr, canon, csz))
		return herrno_status(dns_last_herrno());
	return DNS_EX_OK;
}

/* name key: canonify (MX records count); the result goes to canon */
static int lookup_name(const char *key, char **canon, unsigned *ttl,
		       buf_t *msg)
{
	size_t size = strlen(key) + DNS_MAXNAME;
	int st;
	bool ok;

	*canon = xmalloc(size);
	sm_strlcpy(*canon, key, size);
	ok = dns_canon(*canon, size - 1, true, &st, ttl);
	dns_take_messages(msg);
	if (ok)
		return DNS_EX_OK;
	return dns_last_herrno() == TRY_AGAIN ? DNS_EX_TEMPFAIL
					       : DNS_EX_NOHOST;
}

static int from_cache(const struct nc_entry *e, buf_t *out, int *status,
		      buf_t *msg)
{
	dns_set_last_herrno(e->herrno);
	*status = e->status;
	if (e->status == DNS_EX_TEMPFAIL)
		timeout_msg(e->key, msg);
	if (e->status != DNS_EX_OK || e->canon == NULL)
		return 0;
	(void)buf_adds(out, e->canon);
	return 1;
}

int dns_host_map_lookup(const char *key, buf_t *out, int *status, buf_t *msg)
{
	struct nc_entry *e = cache_find(key);
	char rev[DNS_MAXNAME], *canon = NULL;
	const char *name = rev;
	unsigned ttl = 0;
	bool cacheable = true;
	int st;

	if (e != NULL && e->exp >= time(NULL))
		return from_cache(e, out, status, msg);
	rev[0] = '\0';
	if (key[0] == '[') {
		st = lookup_literal(key, rev, sizeof rev, &cacheable);
	} else {
		st = lookup_name(key, &canon, &ttl, msg);
		name = canon;
	}
	*status = st;
	if (cacheable)
		cache_store(key, st == DNS_EX_OK ? name : NULL, st, ttl);
	if (st == DNS_EX_TEMPFAIL)
		timeout_msg(key, msg);
	if (cacheable && st == DNS_EX_OK)
		(void)buf_adds(out, name);
	free(canon);
	return cacheable && st == DNS_EX_OK;
}
