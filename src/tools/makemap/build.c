/* build.c - makemap's main job: each line of stdin becomes one entry,
 * with the reference's messages for lines it refuses (status 65). */
#include "makemap.h"
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

/* insert one entry; returns the exit status it calls for */
static int put_entry(const makemap_t *mm, dbw_t *w, unsigned long ln, char *key, char *val)
{
	size_t kl = strlen(key) + mm->nul, vl = strlen(val) + mm->nul;
	int r;

	if (mm->verbose)
		printf("key=`%s', val=`%s'\n", key, val);
	r = dbw_put(w, key, kl, val, vl, mm->replace ? DBW_PUT_REPLACE : DBW_PUT_NEW);
	if (r == 0)
		return EX_OK;
	if (r == DBW_EXISTS) {
		makemap_err("%s: line %lu: key %s: duplicate key", mm->map, ln, key);
		return EX_DATAERR;
	}
	makemap_err("%s: line %lu: key %s: put error: %s", mm->map, ln, key, dbw_strerror(r));
	return EX_IOERR;
}

/* one line read: the exit status it calls for */
static int one_line(const makemap_t *mm, dbw_t *w, unsigned long ln, char *line)
{
	char *key = NULL, *val = NULL;

	switch (mapsrc_split(line, &mm->syn, &key, &val)) {
	case MAPSRC_SKIP:
		return EX_OK;
	case MAPSRC_LEADSPACE:
		makemap_err("%s: line %lu: syntax error (leading space)", mm->map, ln);
		return EX_DATAERR;
	case MAPSRC_NORHS:
		makemap_err("%s: line %lu: no RHS for LHS %s", mm->map, ln, key);
		return EX_DATAERR;
	default:
		return put_entry(mm, w, ln, key, val);
	}
}

int makemap_build(const makemap_t *mm)
{
	dbw_t *w = makemap_open(mm);
	mapsrc_reader_t rd;
	char *line;
	int k, st, ex = EX_OK;

	mapsrc_init(&rd, stdin);
	while ((k = mapsrc_read(&rd, &line)) != MAPSRC_EOF) {
		if (k == MAPSRC_TOOLONG) {
			makemap_err("%s: line %lu: line too long (%d bytes max)",
				    mm->map, rd.lineno, MAPSRC_LINEMAX);
			st = EX_DATAERR;
		} else
			st = one_line(mm, w, rd.lineno, line);
		if (st != EX_OK && ex != EX_IOERR)
			ex = st;
	}
	if (dbw_close(w) != 0) {
		makemap_err("%s: error closing type %s map", mm->map, mm->type);
		ex = EX_IOERR;
	}
	if (fflush(stdout) != 0)
		ex = EX_IOERR;
	return ex;
}
