/* cf_lines.c - sendmail.cf split into logical lines (see cf_lines.h). */
#include "conf/cf_lines.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* as fgets() with a buffer of this size: a longer line comes in pieces */
#define CHUNK 8192

int cfl_open(cf_lines_t *r, const char *path)
{
	r->pos = r->len = 0;
	r->eof = r->nul = false;
	r->fd = open(path, O_RDONLY | O_CLOEXEC);
	return r->fd < 0 ? -1 : 0;
}

void cfl_close(cf_lines_t *r)
{
	if (r->fd >= 0)
		close(r->fd);
	r->fd = -1;
}

/* more bytes after the unread ones; false when there are none (a read
 * error ends the file, as it ends fgets()) */
static bool fill(cf_lines_t *r)
{
	ssize_t n;

	if (r->eof)
		return false;
	if (r->pos > 0) {
		memmove(r->blk, r->blk + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	do
		n = read(r->fd, r->blk + r->len, sizeof r->blk - r->len);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		r->eof = true;
		return false;
	}
	if (memchr(r->blk + r->len, '\0', (size_t)n) != NULL)
		r->nul = true;
	r->len += (size_t)n;
	return true;
}

/* what fgets() with a CHUNK buffer would return: up to a newline
 * (included) or CHUNK - 1 bytes; *n == 0 at the end of the file */
static const char *gets_chunk(cf_lines_t *r, size_t *n)
{
	for (;;) {
		size_t avail = r->len - r->pos;
		size_t lim = avail < CHUNK - 1 ? avail : CHUNK - 1;
		const char *s = r->blk + r->pos;
		const char *nl = memchr(s, '\n', lim);

		if (nl != NULL || avail >= CHUNK - 1 || !fill(r)) {
			*n = nl != NULL ? (size_t)(nl - s) + 1 : lim;
			r->pos += *n;
			return s;
		}
	}
}

static int peek(cf_lines_t *r)
{
	if (r->pos == r->len && !fill(r))
		return -1;
	return (unsigned char)r->blk[r->pos];
}

/* the common line, one physical line ending in a newline, no NUL byte in
 * the file and not continued, is handed out where it lies in the block
 * (its newline made the end of the string); NULL when the next line is
 * not such a line, nothing consumed */
static char *in_place(cf_lines_t *r, int *lineno, int *startline)
{
	char *s = r->blk + r->pos, *nl;
	size_t avail = r->len - r->pos, next;

	if (r->nul || avail == 0)
		return NULL;
	nl = memchr(s, '\n', avail < CHUNK - 1 ? avail : CHUNK - 1);
	if (nl == NULL)
		return NULL;
	next = r->pos + (size_t)(nl - s) + 1;
	/* a continuation would need the next byte: not at the block's end,
	 * where reading more moves the block */
	if (s[0] != '#' && (next == r->len || r->blk[next] == ' ' || r->blk[next] == '\t'))
		return NULL;
	r->pos = next;
	(*lineno)++;
	*startline = *lineno;
	*nl = '\0';
	return s;
}

char *cfl_next(cf_lines_t *r, buf_t *out, int *lineno, int *startline)
{
	const char *s;
	char *fast;
	size_t got;
	int c;

	fast = in_place(r, lineno, startline);
	if (fast != NULL)
		return fast;
	s = gets_chunk(r, &got);
	if (got == 0)
		return NULL;
	(*lineno)++;
	*startline = *lineno;
	buf_reset(out);
	for (;;) {
		/* the piece ends at a NUL byte as a string would */
		size_t n = strnlen(s, got);
		bool nl = n > 0 && s[n - 1] == '\n';
		buf_add(out, s, nl ? n - 1 : n);
		if (!nl) {
			s = gets_chunk(r, &got);
			if (got != 0)
				continue;
			break;
		}
		if (out->len > 0 && out->p[0] == '#')
			break;
		c = peek(r);
		if (c != ' ' && c != '\t')
			break;
		s = gets_chunk(r, &got);
		if (got == 0)
			break;
		/* a header template keeps its line breaks (a folded Received:) */
		if (out->len > 0 && out->p[0] == 'H')
			buf_addc(out, '\n');
		(*lineno)++;
	}
	return out->p != NULL ? out->p : (char *)"";
}
