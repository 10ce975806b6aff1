/* map_cache.h - a small per-map cache of recent lookups.
 *
 * Rewriting asks the same map the same key many times per address
 * (access: Connect:, From:, To: with each domain suffix).  A map class
 * keeps answers here while its file is unchanged; it flushes the cache
 * when it notices the file changed (checked at most once a second). */
#ifndef SM_MAP_CACHE_H
#define SM_MAP_CACHE_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/buf.h"

#define MAPCACHE_SLOTS 64
#define MAPCACHE_MAXKEY 256
#define MAPCACHE_MAXVAL 1024

typedef struct mapcache_entry {
	unsigned short klen, vlen;
	signed char status;     /* MAP_OK, MAP_NOTFOUND; -1 empty */
	char key[MAPCACHE_MAXKEY];
	char *val;
} mapcache_entry_t;

typedef struct mapcache {
	mapcache_entry_t *e;    /* MAPCACHE_SLOTS entries, allocated on first put */
} mapcache_t;

bool mapcache_get(mapcache_t *c, const char *key, size_t klen, buf_t *out, int *status);
void mapcache_put(mapcache_t *c, const char *key, size_t klen, const char *val, size_t vlen, int status);
void mapcache_flush(mapcache_t *c);
void mapcache_free(mapcache_t *c);

#endif
