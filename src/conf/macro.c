/* macro.c - macro ids and values. */
#include "conf/macro.h"
#include "lib/xalloc.h"
#include <string.h>

static char *longnames[MACRO_MAX];
static int nextid = 256;

static int lookup_long(const char *name, size_t n)
{
	int i;
	if (n == 1)
		return (unsigned char)name[0];
	for (i = 256; i < nextid; i++)
		if (strlen(longnames[i]) == n && memcmp(longnames[i], name, n) == 0)
			return i;
	if (nextid >= MACRO_MAX)
		return -1;
	longnames[nextid] = xstrndup(name, n);
	return nextid++;
}

int macid_parse(const char **pp)
{
	const char *p = *pp, *e;

	if (*p == '\0')
		return -1;
	if (*p != '{') {
		*pp = p + 1;
		return (unsigned char)*p;
	}
	e = strchr(p + 1, '}');
	if (e == NULL || e == p + 1)
		return -1;
	*pp = e + 1;
	return lookup_long(p + 1, (size_t)(e - p - 1));
}

int macid(const char *name)
{
	if (name[0] == '\0')
		return -1;
	return lookup_long(name, strlen(name));
}

const char *macname(int id)
{
	static char one[256][2];
	static char *bnames[MACRO_MAX];

	if (id < 0 || id >= MACRO_MAX)
		return "?";
	if (id < 256) {
		one[id][0] = (char)id;
		one[id][1] = '\0';
		return one[id];
	}
	if (bnames[id] == NULL && longnames[id] != NULL) {
		size_t n = strlen(longnames[id]);
		bnames[id] = xmalloc(n + 3);
		bnames[id][0] = '{';
		memcpy(bnames[id] + 1, longnames[id], n);
		bnames[id][n + 1] = '}';
		bnames[id][n + 2] = '\0';
	}
	return bnames[id] ? bnames[id] : "?";
}

void mac_define(macros_t *m, int id, const char *value)
{
	if (id < 0 || id >= MACRO_MAX)
		return;
	free(m->val[id]);
	m->val[id] = value ? xstrdup(value) : NULL;
}

const char *mac_get(const macros_t *m, int id)
{
	if (id < 0 || id >= MACRO_MAX)
		return NULL;
	return m->val[id];
}

void mac_clear(macros_t *m)
{
	int i;
	for (i = 0; i < MACRO_MAX; i++) {
		free(m->val[i]);
		m->val[i] = NULL;
	}
}
