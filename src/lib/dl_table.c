/* dl_table.c - dlopen() of a library and its function table on first use
 * (see dl_table.h). */
#include "lib/dl_table.h"
#include "lib/xalloc.h"
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

static void *open_lib(const dl_table_t *t)
{
	size_t i;

	for (i = 0; i < t->nsonames; i++) {
		void *h = dlopen(t->sonames[i], RTLD_NOW | RTLD_LOCAL);
		if (h != NULL)
			return h;
	}
	return NULL;
}

/* every function or none: a half-filled table is never left behind */
static bool bind_all(dl_table_t *t, void *h)
{
	char *tmp = xmalloc(t->size);
	size_t i;

	memcpy(tmp, t->table, t->size);
	for (i = 0; i < t->nslots; i++) {
		void *p = dlsym(h, t->slots[i].name);
		if (p == NULL || t->slots[i].off + sizeof p > t->size) {
			free(tmp);
			return false;
		}
		memcpy(tmp + t->slots[i].off, &p, sizeof p);
	}
	memcpy(t->table, tmp, t->size);
	free(tmp);
	return true;
}

bool dl_table_load(dl_table_t *t)
{
	void *h;

	if (t->state == 0) {
		h = open_lib(t);
		t->state = h != NULL && bind_all(t, h) ? 1 : -1;
		if (t->state < 0 && h != NULL)
			dlclose(h);
	}
	return t->state > 0;
}
