/* alias_line.c - logical lines of an alias file, read as the reference
 * reads them.
 *
 * The reference reads with fgets into one 8192-byte buffer: a chunk ends
 * after a newline or when the buffer is full.  A chunk whose visible text
 * (up to the first NUL) has no newline, before end of file, makes the
 * whole logical line "too long"; the chunks that follow are then skipped
 * up to one that has a newline, and so are the continuation lines after
 * it.  A backslash before the newline joins the
 * next physical line at its place; a following line that starts with a
 * blank is appended after the newline is removed.  Comments and blank
 * lines collect continuation lines like any other line. */
#include "aliases/aliases.h"
#include <string.h>

/* fgets(buf + line->len, cap) into line: up to cap - 1 bytes, ending
 * after a newline; returns the number of bytes read */
static size_t read_chunk(alias_reader_t *r, buf_t *line, size_t cap)
{
	size_t n = 0;
	int c;

	while (n + 1 < cap && (c = getc(r->f)) != EOF) {
		buf_addc(line, c);
		n++;
		if (c == '\n')
			break;
	}
	return n;
}

/* the newline of the chunk that starts at off, as strchr would see it
 * (a NUL hides what follows); -1 if none */
static long chunk_newline(const buf_t *line, size_t off)
{
	const char *s = line->p + off;
	const char *nl = strchr(s, '\n');

	return nl == NULL ? -1 : (long)(nl - line->p);
}

/* skip the rest of a line that did not fit */
static void skip_long(alias_reader_t *r)
{
	buf_t junk = BUF_INIT(0);

	for (;;) {
		buf_reset(&junk);
		if (read_chunk(r, &junk, ALIAS_LINE_MAX) == 0 || chunk_newline(&junk, 0) >= 0)
			break;
	}
	buf_free(&junk);
}

static bool next_is_blank(alias_reader_t *r)
{
	int c = getc(r->f);

	if (c == EOF)
		return false;
	ungetc(c, r->f);
	return c == ' ' || c == '\t';
}

/* a chunk was read at off: cut it at its newline and say whether more
 * follows (0 done, 1 read another chunk at line->len, -1 too long) */
static int finish_chunk(alias_reader_t *r, buf_t *line, size_t off)
{
	long nl = chunk_newline(line, off);

	if (nl < 0) {
		if (!feof(r->f))
			return -1;
		buf_truncate(line, strlen(line->p + off) + off);
		return 0;
	}
	if (nl > 0 && line->p[nl - 1] == '\\') {
		buf_truncate(line, (size_t)nl - 1);
		return 1;
	}
	buf_truncate(line, (size_t)nl);
	return next_is_blank(r) ? 1 : 0;
}

/* the rest of the line and its continuation lines go unread */
static int too_long(alias_reader_t *r, buf_t *line)
{
	r->toolong_line = r->lineno;
	skip_long(r);
	while (next_is_blank(r)) {
		r->lineno++;
		skip_long(r);
	}
	buf_reset(line);
	return AL_TOOLONG;
}

int alias_read_line(alias_reader_t *r, buf_t *line)
{
	size_t off = 0;
	int more;

	buf_reset(line);
	if (read_chunk(r, line, ALIAS_LINE_MAX) == 0)
		return AL_EOF;
	r->lineno++;
	for (;;) {
		more = finish_chunk(r, line, off);
		if (more < 0)
			return too_long(r, line);
		if (more == 0)
			return AL_LINE;
		off = line->len;
		/* nothing read: end of file, or a full buffer (too long) */
		if (read_chunk(r, line, ALIAS_LINE_MAX - off) == 0)
			return feof(r->f) ? AL_LINE : too_long(r, line);
		r->lineno++;
	}
}
