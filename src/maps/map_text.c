/* map_text.c - the text map class: lookups in a flat file of columns.
 *
 * "Kname text -kN -vM -zC file": each line of the file is split into
 * columns at C (default: runs of blanks); the first line whose column N
 * (default 0) equals the key, ignoring case, supplies column M (default
 * 0).  Lines starting with '#' and empty lines are skipped.  As in the
 * reference: the file is checked and reread on every lookup under a
 * shared flock; lines are read in chunks of at most 2047 bytes; values
 * are cut to 256 bytes; a missing value column, or an empty column 0 in
 * front of a leading delimiter, is no match; a not-found lookup reports
 * EX_NOHOST (68); a file gone at lookup time reports EX_UNAVAILABLE (69)
 * and closes the map. */
#include "maps/map.h"
#include "lib/buf.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>

extern const map_class_t map_class_text;

/* from map_db.c: 0 when the path passes the reference's safety checks */

#define TEXT_LINE   2048   /* read buffer: 2047 bytes and the NUL */
#define TEXT_VALMAX 256    /* longest value returned */

typedef struct texth {
	int kcol, vcol;
	int delim;             /* -1: runs of blanks */
} texth_t;

static int column_number(const char *s)
{
	long v = s ? strtol(s, NULL, 10) : 0;

	return v < 0 ? 0 : v > 1000000 ? 1000000 : (int)v;
}

/* -z: the first character, with \t \n \\ understood; none = blanks */
static int delim_char(const char *s)
{
	if (s == NULL || *s == '\0')
		return -1;
	if (s[0] == '\\' && s[1] == 't')
		return '\t';
	if (s[0] == '\\' && s[1] == 'n')
		return '\n';
	return (unsigned char)s[0];
}

static bool is_delim(int c, int delim)
{
	if (delim < 0)
		return c == ' ' || c == '\t';
	return c == delim;
}

static const char *skip_blanks(const char *p, int delim)
{
	if (delim < 0)
		while (*p == ' ' || *p == '\t')
			p++;
	return p;
}

/* Column col of line: *s and *len.  With blanks as delimiter, the blanks
 * after a delimiter blank (and before column 0) are skipped, so leading
 * blanks make column 0 and column 1 the same word; an explicit
 * delimiter separates every column, so empty columns count.  Returns
 * false when the line has fewer columns, or column 0 is empty because
 * the line starts with the delimiter. */
static bool text_column(const char *line, int col, int delim,
			const char **s, size_t *len)
{
	const char *p = line, *e;
	int i;

	for (i = 0; i < col; i++) {
		while (*p && !is_delim((unsigned char)*p, delim))
			p++;
		if (*p == '\0')
			return false;
		p = skip_blanks(p + 1, delim);
	}
	p = skip_blanks(p, delim);
	if (col == 0 && is_delim((unsigned char)*p, delim))
		return false;
	for (e = p; *e && !is_delim((unsigned char)*e, delim); e++)
		;
	*s = p;
	*len = (size_t)(e - p);
	return true;
}

/* one line (or a 2047-byte chunk of a longer one) without its newline */
static bool text_getline(FILE *fp, char *line)
{
	size_t n;

	if (fgets(line, TEXT_LINE, fp) == NULL)
		return false;
	n = strlen(line);
	if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0';
	return true;
}

/* scan the open file for key; MAP_OK with the value in out */
static int text_scan(const texth_t *h, FILE *fp, const char *key, size_t klen,
		     buf_t *out)
{
	char line[TEXT_LINE];
	const char *s;
	size_t n;

	while (text_getline(fp, line)) {
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (!text_column(line, h->kcol, h->delim, &s, &n))
			continue;
		if (n != klen || strncasecmp(s, key, klen) != 0)
			continue;
		if (!text_column(line, h->vcol, h->delim, &s, &n))
			return MAP_NOTFOUND;
		buf_add(out, s, n > TEXT_VALMAX ? TEXT_VALMAX : n);
		return MAP_OK;
	}
	return MAP_NOTFOUND;
}

/* the file vanished or turned unsafe after the map opened */
static int text_unavailable(map_t *m)
{
	m->open_status = MAP_UNAVAIL;
	return MAP_UNAVAIL;
}

static int text_lookup(map_t *m, const char *key, size_t klen, buf_t *out)
{
	const texth_t *h = m->handle;
	const char *why;
	FILE *fp;
	int st;

	if (h == NULL)
		return MAP_UNAVAIL;
	if (memchr(key, '\0', klen) != NULL)
		return MAP_NOTFOUND;    /* a text line holds no NUL */
	if (map_safefile(m->file, &why) != 0)
		return text_unavailable(m);
	fp = fopen(m->file, "re");
	if (fp == NULL)
		return text_unavailable(m);
	while (flock(fileno(fp), LOCK_SH) < 0 && errno == EINTR)
		;
	st = text_scan(h, fp, key, klen, out);
	fclose(fp);
	return st;
}

/* the generic path reports a miss as status 0; the reference's text map
 * reports EX_NOHOST, so this class does its own rewriting */
static int text_lookup_full(map_t *m, const char *key, const char **args, int nargs,
			    buf_t *out, int *stat)
{
	buf_t val = BUF_INIT(0);
	int st = text_lookup(m, key, strlen(key), &val);

	*stat = st;
	if (st == MAP_OK) {
		if (m->flags & MF_MATCHONLY)
			map_rewrite(m, key, strlen(key), key, args, nargs, out);
		else
			map_rewrite(m, buf_str(&val), val.len, key, args, nargs, out);
	}
	buf_free(&val);
	return st == MAP_OK;
}

static int text_parse_rest(map_t *m, const char *rest)
{
	return map_parse_filename(m, rest);
}

static void text_close(map_t *m)
{
	free(m->handle);
	m->handle = NULL;
}

static int text_open(map_t *m)
{
	texth_t *h;
	const char *why;

	if (m->file == NULL)
		return MAP_UNAVAIL;
	if (map_safefile(m->file, &why) != 0) {
		if (!(m->flags & MF_OPTIONAL))
			map_message("text map \"%s\": unsafe map file %s", m->name, m->file);
		return MAP_TEMPFAIL;
	}
	text_close(m);
	h = xcalloc(1, sizeof *h);
	h->kcol = column_number(m->keycol);
	h->vcol = column_number(m->valcol);
	h->delim = delim_char(m->coldelim);
	m->handle = h;
	return MAP_OK;
}

const map_class_t map_class_text = {
	"text", NULL, text_parse_rest, text_open, text_lookup, text_lookup_full,
	text_close, 0
};
