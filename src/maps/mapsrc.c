/* mapsrc.c - makemap's input lines: chunked reading and key/value split
 * (conventions in mapsrc.h). */
#include "maps/mapsrc.h"
#include "maps/db_write.h"
#include <string.h>

void mapsrc_init(mapsrc_reader_t *r, FILE *fp)
{
	r->fp = fp;
	r->lineno = 0;
	r->buf[0] = '\0';
}

/* one chunk as fgets reads it; *hit_eof when the input ran out on the way */
static size_t read_chunk(mapsrc_reader_t *r, bool *hit_eof)
{
	size_t n = 0;
	int c;

	*hit_eof = false;
	while (n < MAPSRC_LINEMAX - 1) {
		c = getc_unlocked(r->fp);
		if (c == EOF) {
			*hit_eof = true;
			break;
		}
		r->buf[n++] = (char)c;
		if (c == '\n')
			break;
	}
	r->buf[n] = '\0';
	return n;
}

int mapsrc_read(mapsrc_reader_t *r, char **line)
{
	bool eof;
	size_t n = read_chunk(r, &eof);
	char *nl;

	if (n == 0)
		return MAPSRC_EOF;
	r->lineno++;
	nl = strchr(r->buf, '\n');
	if (nl != NULL)
		*nl = '\0';
	else if (!eof)
		return MAPSRC_TOOLONG;
	*line = r->buf;
	return MAPSRC_LINE;
}

static bool is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_sep(int c, const mapsrc_syntax_t *s)
{
	return s->sep == MAPSRC_BLANKS ? is_blank(c) : c == s->sep;
}

mapsrc_kind_t mapsrc_split(char *line, const mapsrc_syntax_t *s, char **key, char **val)
{
	char *p = line;

	if (line[0] == '\0' || line[0] == s->comment)
		return MAPSRC_SKIP;
	if (s->sep == MAPSRC_BLANKS && is_blank((unsigned char)line[0]))
		return MAPSRC_LEADSPACE;
	while (*p != '\0' && !is_sep((unsigned char)*p, s))
		p++;
	if (s->fold)
		dbw_fold(line, (size_t)(p - line));
	*key = line;
	if (*p != '\0')
		*p++ = '\0';
	while (*p != '\0' && is_sep((unsigned char)*p, s))
		p++;
	*val = p;
	if (*p == '\0' && !s->allow_empty)
		return MAPSRC_NORHS;
	return MAPSRC_ENTRY;
}
