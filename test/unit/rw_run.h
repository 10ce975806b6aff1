/* rw_run.h - for unit tests: an address through one ruleset of a cf. */
#ifndef TEST_RW_RUN_H
#define TEST_RW_RUN_H
#include "conf/cf.h"
#include "rewrite/rewrite.h"
#include "rewrite/scan.h"
#include <string.h>

/* ruleset rs of cf over addr (scanned as -bt input); the result as text
 * with single blanks between tokens into out; rewrite()'s status */
static inline int rw_run(cf_t *cf, const char *rs, const char *addr, buf_t *out)
{
	scanner_t sc;
	tokvec_t tv;
	arena_t ar;
	rwctx_t cx;
	int st;
	size_t i;

	memset(&sc, 0, sizeof sc);
	sc.mode = SCAN_NOC;
	tv_init(&tv);
	arena_init(&ar);
	scan_address(&sc, addr, &tv, &ar);
	memset(&cx, 0, sizeof cx);
	cx.cf = cf;
	cx.ar = &ar;
	st = rewrite(&cx, cf_ruleset_lookup(cf, rs), &tv);
	for (i = 0; i < tv.n; i++) {
		if (i)
			buf_addc(out, ' ');
		tok_render(out, &tv.v[i]);
	}
	tv_free(&tv);
	arena_free(&ar);
	return st;
}

#endif
