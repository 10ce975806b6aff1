/* map_cache.c - see map_cache.h. */
#include "maps/map_cache.h"
#include "lib/xalloc.h"
#include <string.h>

unsigned long mapcache_epoch = 1;
int mapcache_in_decision;

static unsigned slot_of(const char *key, size_t klen)
{
	unsigned h = 2166136261u;
	size_t i;
	for (i = 0; i < klen; i++)
		h = (h ^ (unsigned char)key[i]) * 16777619u;
	return h % MAPCACHE_SLOTS;
}

bool mapcache_get(mapcache_t *c, const char *key, size_t klen, buf_t *out, int *status)
{
	mapcache_entry_t *e;

	if (c->e == NULL || klen > MAPCACHE_MAXKEY)
		return false;
	e = &c->e[slot_of(key, klen)];
	if (e->status < 0 || e->klen != klen || memcmp(e->kv, key, klen) != 0)
		return false;
	if (e->status == 0 && buf_add(out, e->kv + klen, e->vlen) < 0)
		return false;
	*status = e->status;
	return true;
}

void mapcache_put(mapcache_t *c, const char *key, size_t klen, const char *val, size_t vlen, int status)
{
	mapcache_entry_t *e;
	size_t i;

	if (klen > MAPCACHE_MAXKEY || vlen > MAPCACHE_MAXVAL || status < 0 || status > 127)
		return;
	if (c->e == NULL) {
		c->e = xcalloc(MAPCACHE_SLOTS, sizeof *c->e);
		for (i = 0; i < MAPCACHE_SLOTS; i++)
			c->e[i].status = -1;
	}
	e = &c->e[slot_of(key, klen)];
	free(e->kv);
	e->kv = xmalloc(klen + vlen + 1);
	memcpy(e->kv, key, klen);
	if (vlen > 0)
		memcpy(e->kv + klen, val, vlen);
	e->kv[klen + vlen] = '\0';
	e->klen = (unsigned short)klen;
	e->vlen = (unsigned short)vlen;
	e->status = (signed char)status;
}

void mapcache_flush(mapcache_t *c)
{
	size_t i;
	if (c->e == NULL)
		return;
	for (i = 0; i < MAPCACHE_SLOTS; i++) {
		free(c->e[i].kv);
		c->e[i].kv = NULL;
		c->e[i].status = -1;
	}
}

void mapcache_free(mapcache_t *c)
{
	mapcache_flush(c);
	free(c->e);
	c->e = NULL;
}
