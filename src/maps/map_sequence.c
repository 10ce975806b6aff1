/* map_sequence.c - the sequence map class: try other maps in order.
 *
 * "Kname sequence map1 map2 ...": members are separated by blanks,
 * commas or colons and must be declared before; an unknown one is
 * reported at K line time and left out.  As in the reference the K
 * line takes no flags (a "-x" word names member "x").  A lookup
 * returns the first member's match; members that are not open are
 * skipped; when none matches the status is 75 if a member failed
 * temporarily, 68 otherwise. */
#include "maps/map_seq.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>

seqh_t *seq_handle(map_t *m)
{
	if (m->handle == NULL)
		m->handle = xcalloc(1, sizeof(seqh_t));
	return m->handle;
}

bool seq_add(seqh_t *h, const char *name, size_t len)
{
	char *s = xstrndup(name, len);

	if (map_find(s) == NULL) {
		free(s);
		return false;
	}
	if (h->n < SEQ_MAXMAPS)
		h->names[h->n++] = s;
	else
		free(s);
	return true;
}

static bool seq_sep(int c)
{
	return c == ' ' || c == '\t' || c == ',' || c == ':' || c == '-';
}

static int seq_parse_rest(map_t *m, const char *rest)
{
	seqh_t *h = seq_handle(m);
	const char *p = m->args, *s;

	(void)rest;
	/* the generic parser took "-x" words as flags: undo their effect */
	free(m->app); m->app = NULL;
	free(m->tapp); m->tapp = NULL;
	m->flags = MF_TRY0NULL | MF_TRY1NULL | MF_KEEPQUOTES;
	while (*p) {
		while (seq_sep((unsigned char)*p))
			p++;
		for (s = p; *p && !seq_sep((unsigned char)*p); p++)
			;
		if (p > s && !seq_add(h, s, (size_t)(p - s)))
			map_conf_error("Sequence map %s: unknown member map %.*s",
				       m->name, (int)(p - s), s);
	}
	return 0;
}

int seq_lookup(map_t *m, const char *key, const char **args, int nargs,
	       buf_t *out, int *stat)
{
	seqh_t *h = m->handle;
	char *k = xstrdup(key);   /* map_lookup reuses the buffer key is in */
	bool temp = false;
	int i, st, found = 0;

	for (i = 0; h && i < h->n && !found; i++) {
		map_t *mm = map_find(h->names[i]);
		if (mm == NULL || mm == m || map_usable(mm) == MAP_UNAVAIL)
			continue;
		found = map_lookup(mm, k, args, nargs, out, &st);
		if (!found && st == MAP_TEMPFAIL)
			temp = true;
	}
	free(k);
	*stat = found ? MAP_OK : temp ? MAP_TEMPFAIL : MAP_NOTFOUND;
	return found;
}

void seq_close(map_t *m)
{
	seqh_t *h = m->handle;
	int i;

	for (i = 0; i < h->n; i++)
		free(h->names[i]);
	free(h);
	m->handle = NULL;
}

const map_class_t map_class_sequence = {
	"sequence", NULL, seq_parse_rest, NULL, NULL, seq_lookup, seq_close,
	MF_KEEPQUOTES
};
