/* hostcache.c - hosts this process found down: after a connection to a
 * host failed temporarily, later deliveries to it in the same process
 * (the rest of a queue run) are deferred with the same text without
 * connecting again, as the reference does; relay= then names the host
 * only.  A small fixed table; the oldest entry makes room. */
#include "smtpc/smtpc_int.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define NHOSTS 32

static struct hentry {
	char host[256];
	char relay[256];
	char stat[512];
	int exitstat;
	bool used;
} tab[NHOSTS];
static unsigned next;

bool hostcache_get(const char *host, int *exitstat, buf_t *stat, buf_t *relay)
{
	for (size_t i = 0; i < NHOSTS; i++)
		if (tab[i].used && strcasecmp(tab[i].host, host) == 0) {
			*exitstat = tab[i].exitstat;
			buf_set(stat, tab[i].stat);
			buf_set(relay, tab[i].relay);
			return true;
		}
	return false;
}

void hostcache_put(const char *host, int exitstat, const char *stat, const char *relay)
{
	struct hentry *h = &tab[next++ % NHOSTS];

	snprintf(h->host, sizeof h->host, "%s", host);
	snprintf(h->relay, sizeof h->relay, "%s", relay);
	snprintf(h->stat, sizeof h->stat, "%s", stat);
	h->exitstat = exitstat;
	h->used = true;
}
