/* dump.c - makemap -u: every entry as "key<TAB>value" (or the -t
 * delimiter), each datum printed up to its first NUL. */
#include "makemap.h"
#include "maps/maptool.h"
#include <stdio.h>
#include <sysexits.h>

static int print_entry(const void *k, size_t kl, const void *v, size_t vl, void *arg)
{
	const makemap_t *mm = arg;

	maptool_print(k, kl, stdout);
	putchar(mm->syn.sep == MAPSRC_BLANKS ? '\t' : mm->syn.sep);
	maptool_print(v, vl, stdout);
	putchar('\n');
	return 0;
}

int makemap_dump(const makemap_t *mm)
{
	dbw_t *w = makemap_open(mm);
	int r = dbw_walk(w, print_entry, (void *)mm);
	int c = dbw_close(w);

	if (r == 0)
		r = c;
	if (fflush(stdout) != 0 || ferror(stdout))
		return EX_IOERR;
	if (r != 0) {
		makemap_err("%s: error reading type %s map: %s", mm->map, mm->type, dbw_strerror(r));
		return EX_IOERR;
	}
	return EX_OK;
}
