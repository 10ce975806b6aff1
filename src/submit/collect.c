/* collect.c - read a submitted message: header fields, then the body
 * streamed into the df file.  Lines are read in bounded pieces: a line
 * longer than LINE_PIECE is handled piece by piece (only its start
 * matters for "." and header detection), so no input can make memory
 * grow without bound; header text is capped by MaxHeadersLength. */
#include "log/xlog.h"
#include "submit/collect.h"
#include "lib/buf.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define LINE_PIECE 8192

typedef struct line {
	char *p;
	size_t n;        /* bytes, without the newline */
	bool nl;         /* ended by a newline (else: piece of a longer line or EOF) */
	bool first;      /* this piece starts a line */
	bool cr;         /* the newline was a CRLF */
} line_t;

typedef struct reader {
	FILE *in;
	char buf[LINE_PIECE + 2];
	bool midline;    /* the last piece did not end its line */
	bool eof;
	bool strict;     /* SMTP: a line ends only at CRLF */
	char bare;       /* strict: 'L' bare LF, 'C' bare CR met (the piece ends there) */
	unsigned allow;  /* strict: COLLECT_BARE_LF/CR taken as data bytes instead */
	unsigned met;    /* ... and those that were met */
} reader_t;

/* strict SMTP: CR must be followed by LF (c is a CR just read).  Returns
 * '\n' for a CRLF (the CR kept in buf), else EOF and r->bare = 'C'. */
static int strict_cr(reader_t *r, size_t *n)
{
	int d = getc_unlocked(r->in);

	if (d == '\n') {
		r->buf[(*n)++] = '\r';
		return '\n';
	}
	if (d != EOF && ungetc(d, r->in) == EOF)
		return EOF;
	if (r->allow & COLLECT_BARE_CR) {
		r->met |= COLLECT_BARE_CR;
		return '\r';   /* data like any byte */
	}
	r->bare = 'C';
	return EOF;
}

/* next piece of input; false at end of input */
static bool next_piece(reader_t *r, line_t *l)
{
	size_t n = 0;
	int c = EOF;

	if (r->eof)
		return false;
	l->first = !r->midline;
	while (n < LINE_PIECE && (c = getc_unlocked(r->in)) != EOF && c != '\n') {
		if (r->strict && c == '\r' && (c = strict_cr(r, &n)) != '\r')
			break;
		r->buf[n++] = (char)c;
	}
	if (r->strict && c == '\n' && (n == 0 || r->buf[n - 1] != '\r') &&
	    (r->allow & COLLECT_BARE_LF)) {
		r->met |= COLLECT_BARE_LF;      /* data, not a line end */
		r->buf[n++] = '\n';
		r->midline = true;
		l->nl = l->cr = false;
		xlog_line("<<<", r->buf, n);
		r->buf[n] = '\0';
		l->p = r->buf;
		l->n = n;
		return true;
	}
	if (r->strict && c == '\n' && (n == 0 || r->buf[n - 1] != '\r'))
		r->bare = 'L';
	if (r->bare) {          /* the line is not ended: stop reading here */
		xlog_line("<<<", r->buf, n);
		r->buf[n] = '\0';
		l->p = r->buf;
		l->n = n;
		l->nl = l->cr = false;
		r->eof = true;
		return true;
	}
	if (c == EOF && n == 0) {
		r->eof = true;
		xlog_line("<<<", "[EOF]", 5);
		return false;
	}
	xlog_line("<<<", r->buf, n);    /* -X: as read, a CR included */
	if (c == EOF)
		r->eof = true;
	l->nl = c == '\n';
	l->cr = l->nl && n > 0 && r->buf[n - 1] == '\r';
	if (l->cr)
		n--;            /* CRLF ends a line like LF */
	r->midline = !l->nl && !r->eof;
	r->buf[n] = '\0';
	l->p = r->buf;
	l->n = n;
	return true;
}

bool collect_is_header(const char *line, size_t n)
{
	size_t i = 0;
	while (i < n && line[i] > ' ' && line[i] < 0x7f && line[i] != ':')
		i++;
	if (i == 0)
		return false;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i < n && line[i] == ':';
}

static void mark8(const char *p, size_t n, bool *flag)
{
	for (size_t i = 0; i < n && !*flag; i++)
		if ((unsigned char)p[i] & 0x80)
			*flag = true;
}

enum where { IN_HEADERS, IN_BODY };
enum piece_kind { K_HDR, K_BODY, K_SKIP };

typedef struct cstate {
	collect_t *c;
	FILE *df;
	size_t maxhdr;
	enum where where;
	enum piece_kind kind;   /* what the current line's pieces belong to */
	bool any_line;          /* a line has been read */
	bool smtp;              /* no From_ line handling */
	long maxsize;           /* SMTP: 0 or MaxMessageSize */
} cstate_t;

static void body_out(cstate_t *s, const line_t *l)
{
	collect_t *c = s->c;
	mark8(l->p, l->n, &c->body8bit);
	c->bodysize += (long)(l->n + (l->nl ? 1 : 0));
	if (c->werr || c->too_big)
		return;
	if ((l->n && fwrite(l->p, 1, l->n, s->df) != l->n) ||
	    (l->nl && putc_unlocked('\n', s->df) == EOF))
		c->werr = errno ? errno : EIO;
}

/* add text to the header being built (new: start a new field) */
static void hdr_add(cstate_t *s, const char *p, size_t n, bool new)
{
	collect_t *c = s->c;
	size_t old;

	if (c->hdr_overflow || c->hdrbytes + n + 1 > s->maxhdr) {
		c->hdr_overflow = true;
		return;
	}
	mark8(p, n, &c->hdr8bit);
	if (new) {
		c->hdrs = xgrow(c->hdrs, &c->hcap, c->nhdrs + 1, sizeof *c->hdrs);
		c->hdrs[c->nhdrs++] = xstrndup(p, n);
	} else {
		char **h = &c->hdrs[c->nhdrs - 1];
		old = strlen(*h);
		*h = xrealloc(*h, old + n + 1);
		memcpy(*h + old, p, n);
		(*h)[old + n] = '\0';
	}
	c->hdrbytes += n + 1;
}

/* the first piece of a line while reading the header */
static void header_line(cstate_t *s, const line_t *l)
{
	collect_t *c = s->c;

	if (!s->any_line && !s->smtp && l->n >= 5 && memcmp(l->p, "From ", 5) == 0) {
		c->from_line = xstrndup(l->p, l->n);
		s->kind = K_SKIP;
	} else if (l->n == 0) {
		s->where = IN_BODY;
		s->kind = K_SKIP;
	} else if ((l->p[0] == ' ' || l->p[0] == '\t') && c->nhdrs > 0) {
		hdr_add(s, "\n", 1, false);
		hdr_add(s, l->p, l->n, false);
		s->kind = K_HDR;
	} else if (collect_is_header(l->p, l->n)) {
		hdr_add(s, l->p, l->n, true);
		s->kind = K_HDR;
	} else {
		s->where = IN_BODY;
		s->kind = K_BODY;
		body_out(s, l);
	}
}

static void piece(cstate_t *s, const line_t *l)
{
	if (!l->first) {
		if (s->kind == K_HDR)
			hdr_add(s, l->p, l->n, false);
		else if (s->kind == K_BODY)
			body_out(s, l);
		return;
	}
	if (s->where == IN_HEADERS)
		header_line(s, l);
	else {
		s->kind = K_BODY;
		body_out(s, l);
	}
	s->any_line = true;
}

int collect_message(FILE *in, FILE *df, bool ignoredots, size_t maxhdr, collect_t *c)
{
	reader_t r = { .in = in };
	cstate_t s = { .c = c, .df = df, .maxhdr = maxhdr, .where = IN_HEADERS };
	line_t l;

	memset(c, 0, sizeof *c);
	while (next_piece(&r, &l)) {
		if (l.first && !ignoredots && l.n == 1 && l.p[0] == '.' && (l.nl || r.eof))
			break;
		c->size += (long)(l.n + (l.nl ? 1 : 0));
		piece(&s, &l);
	}
	if (fflush(df) != 0 && !c->werr)
		c->werr = errno ? errno : EIO;
	return c->werr ? -1 : 0;
}

/* one SMTP line piece: the final dot, dot-unstuffing, the size limit */
static bool smtp_piece(cstate_t *s, line_t *l)
{
	collect_t *c = s->c;

	if (l->first && l->n == 1 && l->p[0] == '.' && l->cr)
		return false;
	if (l->first && l->n > 0 && l->p[0] == '.') {
		l->p++;
		l->n--;
	}
	c->size += (long)(l->n + (l->nl ? 1 : 0));
	if (s->maxsize > 0 && c->size > s->maxsize)
		c->too_big = true;
	if (!c->too_big)
		piece(s, l);
	return true;
}

/* an allowed bare LF inside a header field becomes a space; the first
 * such field is noted (c->bare_hdr) for the caller's "POSSIBLE ATTACK" */
static void bare_lf_field(collect_t *c, line_t *l)
{
	bool any = false;

	for (size_t i = 0; i < l->n; i++)
		if (l->p[i] == '\n') {
			l->p[i] = ' ';
			any = true;
		}
	if (any && c->bare_hdr == 0)
		c->bare_hdr = l->first ? c->nhdrs + 1 : c->nhdrs;
}

int collect_smtp(FILE *in, FILE *df, size_t maxhdr, long maxsize, unsigned allow, collect_t *c)
{
	reader_t r = { .in = in, .strict = true, .allow = allow };
	cstate_t s = { .c = c, .df = df, .maxhdr = maxhdr, .where = IN_HEADERS,
		       .smtp = true, .maxsize = maxsize };
	line_t l;
	bool ended = false;

	memset(c, 0, sizeof *c);
	while (next_piece(&r, &l)) {
		if (r.bare || (r.met && !c->bare_met)) {
			c->bare_in_hdr = s.where == IN_HEADERS;
			c->bare_met = r.met;
		}
		if (r.met && s.where == IN_HEADERS &&    /* an allowed bare LF in a field */
		    (l.first ? collect_is_header(l.p, l.n) : s.kind == K_HDR))
			bare_lf_field(c, &l);
		if (!smtp_piece(&s, &l)) {
			ended = true;
			break;
		}
	}
	c->bare = r.bare;
	c->bare_met = r.met;
	c->eof = !ended && !r.bare;
	if (c->eof && ferror(in))
		c->rerr = errno ? errno : EIO;
	if (fflush(df) != 0 && !c->werr)
		c->werr = errno ? errno : EIO;
	return c->werr ? -1 : 0;
}

void collect_free(collect_t *c)
{
	for (size_t i = 0; i < c->nhdrs; i++)
		free(c->hdrs[i]);
	free(c->hdrs);
	free(c->from_line);
	memset(c, 0, sizeof *c);
}
