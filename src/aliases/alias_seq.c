/* alias_seq.c - the class of the maps "aliases.files" and "aliases":
 * the maps named on the declaration are looked up in order; the first
 * that has the key answers.  Not found is EX_NOHOST (68), as the
 * reference reports it, or EX_TEMPFAIL when one of the maps could not
 * be used. */
#include "aliases/aliases.h"
#include "lib/xalloc.h"
#include "maps/map.h"
#include <stdlib.h>
#include <string.h>

static int seq_member(const char *name, size_t n, const char *key, const char **args,
		      int nargs, buf_t *out, bool *tempfail)
{
	char *mname = xstrndup(name, n);
	map_t *m = map_find(mname);
	int st = MAP_OK, found = 0;

	free(mname);
	if (m == NULL)
		return 0;
	found = map_lookup(m, key, args, nargs, out, &st);
	if (!found && st == MAP_TEMPFAIL)
		*tempfail = true;
	return found;
}

static int seq_lookup(map_t *m, const char *key, const char **args, int nargs,
		      buf_t *out, int *stat)
{
	/* map_lookup reuses its key buffer: keep our own copy */
	char *k = xstrdup(key);
	const char *p = m->file ? m->file : "", *e;
	bool tempfail = false;
	int found = 0;

	while (!found && *p) {
		while (*p == ' ' || *p == '\t')
			p++;
		for (e = p; *e && *e != ' ' && *e != '\t'; e++)
			;
		if (e > p)
			found = seq_member(p, (size_t)(e - p), k, args, nargs, out, &tempfail);
		p = e;
	}
	free(k);
	*stat = found ? MAP_OK : tempfail ? MAP_TEMPFAIL : MAP_NOTFOUND;
	return found;
}

static const map_class_t alias_seq_class = {
	ALIAS_SEQ_CLASS, NULL, NULL, NULL, NULL, seq_lookup, NULL, 0
};

void alias_register_class(void)
{
	if (map_find_class(ALIAS_SEQ_CLASS) == NULL)
		map_register_class(&alias_seq_class);
}

int alias_lookup(const char *name, buf_t *out, int *stat)
{
	map_t *m = map_find("aliases");

	*stat = MAP_NOTFOUND;
	if (m == NULL)
		return 0;
	return map_lookup(m, name, NULL, 0, out, stat);
}
