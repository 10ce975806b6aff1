/* alias_expand.c - walking recipients through the alias database, as
 * -bv shows it.
 *
 * A list is parsed left to right (parse errors are reported then), and
 * its members are then walked last first, as the reference's send queue
 * holds them.  A local address whose user is an alias is replaced by the
 * alias's value (a list of its own), each alias at most once: meeting it
 * again is a loop and the address is dropped, except that an alias naming
 * itself is delivered as a local user.  ":include:" files are read line
 * by line, each line a list.  Every other address is handed to the
 * caller's leaf callback. */
#include "aliases/aliases.h"
#include "aliases/alias_expand.h"
#include "maps/map.h"
#include "rewrite/scan.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define MAX_ALIAS_DEPTH 25

/* split a comma-separated list into its members (blanks trimmed) */
char **alias_split_list(const char *list, size_t *n)
{
	char **v = NULL;
	size_t cap = 0;
	const char *p = list;

	*n = 0;
	for (;;) {
		scanner_t sc;
		tokvec_t tv;
		arena_t ar;
		const char *s = p, *e;

		memset(&sc, 0, sizeof sc);
		sc.mode = SCAN_EXT;
		sc.delim = ',';
		tv_init(&tv);
		arena_init(&ar);
		scan_address(&sc, p, &tv, &ar);
		e = sc.stop ? sc.stop : p + strlen(p);
		tv_free(&tv);
		arena_free(&ar);
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		if (e > s) {
			v = xgrow(v, &cap, *n + 1, sizeof *v);
			v[(*n)++] = xstrndup(s, (size_t)(e - s));
		}
		if (*e != ',')
			break;
		p = e + 1;
	}
	return v;
}

static bool was_expanded(alias_walk_t *w, const char *key)
{
	size_t i;
	for (i = 0; i < w->nexp; i++)
		if (strcmp(w->expanded[i], key) == 0)
			return true;
	return false;
}

static void walk_include(alias_walk_t *w, const char *input, const char *path, int depth)
{
	FILE *f = fopen(path, "r");
	buf_t line = BUF_INIT(ALIAS_LINE_MAX), msg = BUF_INIT(0);
	int c, lineno = 0;

	if (w->including != NULL)
		w->including(w->arg, input, path);
	if (f == NULL) {
		buf_printf(&msg, "Cannot open %s: %s", path, strerror(errno));
		w->error(w->arg, input, buf_str(&msg), EX_USAGE);
		buf_free(&msg);
		return;
	}
	const char *outer = w->incfile;
	w->incfile = path;
	do {
		buf_reset(&line);
		while ((c = getc(f)) != EOF && c != '\n')
			buf_addc(&line, c);
		lineno++;
		if (line.len == 0 || line.p[0] == '#')
			continue;
		if (w->include_line != NULL)
			w->include_line(w->arg, path, lineno, buf_str(&line));
		alias_walk_list(w, buf_str(&line), NULL, depth + 1);
	} while (c != EOF);
	w->incfile = outer;
	fclose(f);
	buf_free(&line);
}

/* an alias: its value replaces the address; 1 when it was one (or a
 * loop drops it), 0 when the address is delivered as it is */
static void walk_list(alias_walk_t *w, const char *list, const char *parent,
		      const char *parent_addr, int depth);

static int walk_alias(alias_walk_t *w, const char *key, const char *input,
		      const char *parent, int depth)
{
	buf_t val = BUF_INIT(0);
	int st, found;
	bool outer;

	if (was_expanded(w, key)) {
		if (parent != NULL && strcmp(parent, key) == 0) {
			w->self = true;   /* names itself: a local user, and so is the alias */
			return 0;
		}
		w->loop = true;
		return 1;
	}
	found = alias_lookup(key, &val, &st);
	if (found && w->expanding != NULL && !w->expanding(w->arg, key, buf_str(&val)))
		found = 0;
	if (found) {
		w->expanded = xgrow(w->expanded, &w->capexp, w->nexp + 1, sizeof *w->expanded);
		w->expanded[w->nexp++] = xstrdup(key);
		outer = w->self;
		w->self = false;
		walk_list(w, buf_str(&val), key, input, depth + 1);
		found = !w->self;
		w->self = outer;
	}
	buf_free(&val);
	return found;
}

/* the leaf callback owns input and a; otherwise they end here */
static void walk_one(alias_walk_t *w, char *input, addr_t *a, const char *parent,
		     const char *parent_addr, int depth)
{
	const char *m = a->mailer ? a->mailer->name : "";
	int done = 0;

	if (strcmp(m, "*include*") == 0) {
		walk_include(w, input, a->user, depth);
		done = 1;
	} else if (depth < (w->maxdepth > 0 ? w->maxdepth : MAX_ALIAS_DEPTH) &&
		   strcmp(m, "local") == 0 && a->user != NULL) {
		buf_t key = BUF_INIT(0);
		buf_set(&key, a->user);
		sm_lower(key.p ? key.p : (char *)"");
		done = walk_alias(w, buf_str(&key), input, parent, depth);
		buf_free(&key);
	}
	if (done) {
		free(input);
		addr_free(a);
	} else {
		w->parent = parent;
		w->parent_addr = parent_addr;
		w->depth = depth;
		w->leaf(w->arg, input, a);
	}
}

void alias_walk_list(alias_walk_t *w, const char *list, const char *parent, int depth)
{
	walk_list(w, list, parent, parent, depth);
}

static void walk_list(alias_walk_t *w, const char *list, const char *parent,
		      const char *parent_addr, int depth)
{
	size_t n, i, k = 0;
	char **v = alias_split_list(list, &n);
	addr_t *a = xcalloc(n + 1, sizeof *a);
	char **in = xcalloc(n + 1, sizeof *in);

	for (i = 0; i < n; i++) {
		if (!w->parse(w->arg, v[i], &a[k])) {
			free(v[i]);
			continue;
		}
		in[k++] = v[i];
	}
	while (k-- > 0)
		walk_one(w, in[k], &a[k], parent, parent_addr, depth);
	free(v);
	free(a);
	free(in);
}

void alias_walk_free(alias_walk_t *w)
{
	size_t i;
	for (i = 0; i < w->nexp; i++)
		free(w->expanded[i]);
	free(w->expanded);
	w->expanded = NULL;
	w->nexp = w->capexp = 0;
}
