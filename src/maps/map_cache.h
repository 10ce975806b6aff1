/* map_cache.h - a small per-map cache of recent lookups.
 *
 * Rewriting asks the same map the same key many times per address
 * (access: Connect:, From:, To: with each domain suffix).  A map class
 * keeps answers here while its file is unchanged; it flushes the cache
 * when it notices the file changed.
 *
 * Decisions: one decision (a top-level ruleset call: one address
 * through check_rcpt, one "3,0") may ask a map many times.  Inside a
 * decision a class checks its file for a change once, before answering
 * from the cache; a key not in the cache is read under the file's lock
 * after a fresh check.  Outside a decision every lookup checks.  So a
 * decision costs no system call per repeated key, and a rebuilt file is
 * seen by the next decision at the latest. */
#ifndef SM_MAP_CACHE_H
#define SM_MAP_CACHE_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/buf.h"

#define MAPCACHE_SLOTS 1024
#define MAPCACHE_MAXKEY 256
#define MAPCACHE_MAXVAL 1024

typedef struct mapcache_entry {
	char *kv;               /* key then value, one allocation */
	unsigned short klen, vlen;
	signed char status;     /* MAP_OK, MAP_NOTFOUND; -1 empty */
} mapcache_entry_t;

typedef struct mapcache {
	mapcache_entry_t *e;    /* MAPCACHE_SLOTS entries, allocated on first put */
} mapcache_t;

extern unsigned long mapcache_epoch;   /* counts decisions */
extern int mapcache_in_decision;

static inline void mapcache_decision_begin(void)
{
	mapcache_epoch++;
	mapcache_in_decision++;
}

static inline void mapcache_decision_end(void)
{
	mapcache_in_decision--;
}

/* has the file behind *mark been checked in this decision?  (marks it) */
static inline bool mapcache_checked(unsigned long *mark)
{
	if (mapcache_in_decision > 0 && *mark == mapcache_epoch)
		return true;
	*mark = mapcache_epoch;
	return false;
}

bool mapcache_get(mapcache_t *c, const char *key, size_t klen, buf_t *out, int *status);
void mapcache_put(mapcache_t *c, const char *key, size_t klen, const char *val, size_t vlen, int status);
void mapcache_flush(mapcache_t *c);
void mapcache_free(mapcache_t *c);

#endif
