/* qf_read.c - a control file into an envelope: line by line, bounded,
 * every malformed line an error, lines of unknown kinds kept verbatim. */
#include "queue/queue.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* the whole file at most (headers are limited far below this) */
#define QF_FILE_MAX (16u * 1024 * 1024)

typedef struct rd {
	envelope_t *e;
	buf_t *err;
	size_t lineno;
	bool in_rcpts;      /* an S, C, Q, r, R or M line after S was seen */
	bool done;          /* the "." line was read */
	char *ctl, *q, *r, *m;  /* C (sticky) and the next R's Q, r, M */
	hdr_t *hdr;         /* the H line a continuation line extends */
} rd_t;

static int bad(rd_t *s, const char *what)
{
	buf_reset(s->err);
	buf_printf(s->err, "line %zu: %s", s->lineno, what);
	return -1;
}

static int num(rd_t *s, const char *p, long long lo, long long hi, long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(p, &end, 10);
	if (end == p || *end != '\0' || errno != 0 || v < lo || v > hi || *p == ' ' || *p == '+')
		return bad(s, "bad number");
	*out = v;
	return 0;
}

static void take(char **slot, const char *text)
{
	free(*slot);
	*slot = text != NULL ? xstrdup(text) : NULL;
}

static int rd_inode(rd_t *s, const char *p)
{
	unsigned long v[3];
	for (int i = 0; i < 3; i++) {
		char *end;
		if (*p < '0' || *p > '9')
			return bad(s, "bad I line");
		errno = 0;
		v[i] = strtoul(p, &end, 10);
		if (errno != 0 || *end != (i < 2 ? '/' : '\0'))
			return bad(s, "bad I line");
		p = end + (i < 2);
	}
	s->e->have_inode = true;
	s->e->df_major = v[0];
	s->e->df_minor = v[1];
	s->e->df_ino = v[2];
	return 0;
}

static int rd_flags(rd_t *s, const char *p)
{
	for (; *p; p++) {
		if (*p == '8')
			s->e->ef_8bit = true;
		else if (letter_bit(*p) >= 0)
			letter_set(&s->e->eflags, *p, true);
		else
			return bad(s, "bad envelope flag");
	}
	return 0;
}

static int rd_macro(rd_t *s, const char *p)
{
	const char *v;
	char *name;

	if (*p == '\0')
		return bad(s, "bad macro line");
	if (*p == '{') {
		const char *c = strchr(p, '}');
		if (c == NULL)
			return bad(s, "bad macro name");
		v = c + 1;
	} else {
		v = p + 1;
	}
	name = xstrndup(p, (size_t)(v - p));
	env_set_macro(s->e, name, v);
	free(name);
	return 0;
}

static int rd_rcpt(rd_t *s, const char *p)
{
	const char *colon = strchr(p, ':');
	letterset_t flags = 0;
	rcpt_t *r;

	if (colon == NULL)
		return bad(s, "recipient without flags");
	for (const char *f = p; f < colon; f++) {
		if (letter_bit(*f) < 0)
			return bad(s, "bad recipient flag");
		letter_set(&flags, *f, true);
	}
	r = env_add_rcpt(s->e, colon + 1, flags);
	take(&r->ctl, s->ctl);
	r->orcpt = s->q;
	r->final = s->r;
	r->rmsg = s->m;
	s->q = s->r = s->m = NULL;
	s->in_rcpts = true;
	return 0;
}

static int rd_header(rd_t *s, const char *p)
{
	char *cond = NULL, *name;
	const char *colon, *v;
	hdr_t *h;

	if (*p == '?') {
		const char *q = strchr(p + 1, '?');
		if (q == NULL)
			return bad(s, "bad header condition");
		cond = xstrndup(p + 1, (size_t)(q - p - 1));
		p = q + 1;
	}
	colon = strchr(p, ':');
	if (colon == NULL || colon == p) {
		free(cond);
		return bad(s, "bad header line");
	}
	name = xstrndup(p, (size_t)(colon - p));
	for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
		;
	h = env_add_hdr(s->e, name, v, cond, 0);
	if (!(v == colon + 2 && colon[1] == ' ' && *v != '\0'))
		h->lead = xstrndup(colon + 1, (size_t)(v - colon - 1));
	free(name);
	free(cond);
	s->hdr = h;
	return 0;
}

static int rd_continuation(rd_t *s, const char *line)
{
	hdr_t *h = s->hdr;
	size_t a, b;
	char *v;

	if (h == NULL)
		return bad(s, "continuation line without a header");
	a = strlen(h->value);
	b = strlen(line);
	v = xmalloc(a + b + 2);
	memcpy(v, h->value, a);
	v[a] = '\n';
	memcpy(v + a + 1, line, b + 1);
	free(h->value);
	h->value = v;
	return 0;
}

static int rd_number_line(rd_t *s, int c, const char *p)
{
	long long v;
	envelope_t *e = s->e;

	switch (c) {
	case 'V':
		if (num(s, p, 0, 99, &v) < 0)
			return -1;
		e->version = (int)v;
		return 0;
	case 'T':
	case 'K':
		if (num(s, p, 0, LLONG_MAX, &v) < 0)
			return -1;
		*(c == 'T' ? &e->ctime : &e->last_try) = (time_t)v;
		return 0;
	case 'N':
		if (num(s, p, 0, LONG_MAX, &v) < 0)
			return -1;
		e->ntries = (long)v;
		return 0;
	default: /* 'P' */
		if (num(s, p, LONG_MIN, LONG_MAX, &v) < 0)
			return -1;
		e->prio = (long)v;
		return 0;
	}
}

static void keep_unknown(rd_t *s, const char *line)
{
	envelope_t *e = s->e;
	e->unknown = xrealloc(e->unknown, (e->nunknown + 1) * sizeof *e->unknown);
	e->unknown[e->nunknown++] = xstrdup(line);
}

static int rd_text_line(rd_t *s, int c, const char *p)
{
	envelope_t *e = s->e;

	switch (c) {
	case 'B': take(&e->bodytype, p); return 0;
	case 'q': take(&e->quarantine, p); return 0;
	case 'd': take(&e->dfdir, p); return 0;
	case 'Z': take(&e->envid, p); return 0;
	case 'A': take(&e->auth, p); return 0;
	case 'S': take(&e->sender, p); s->in_rcpts = true; return 0;
	case 'C': take(&s->ctl, p); s->in_rcpts = true; return 0;
	case 'Q': take(&s->q, p); s->in_rcpts = true; return 0;
	case 'r': take(&s->r, p); s->in_rcpts = true; return 0;
	case 'M':
		take(s->in_rcpts ? &s->m : &e->msg, p);
		return 0;
	default:
		return 1;
	}
}

static int rd_line(rd_t *s, const char *line)
{
	int c = (unsigned char)line[0];
	const char *p = line + 1;
	int r;

	if (s->done)
		return bad(s, "data after the end of the control file");
	if (c == ' ' || c == '\t')
		return rd_continuation(s, line);
	s->hdr = NULL;
	if (strchr("VTKNP", c) != NULL && c != '\0')
		return rd_number_line(s, c, p);
	r = rd_text_line(s, c, p);
	if (r <= 0)
		return r;
	switch (c) {
	case 'I': return rd_inode(s, p);
	case 'F': return rd_flags(s, p);
	case '$': return rd_macro(s, p);
	case 'R': return rd_rcpt(s, p);
	case 'H': return rd_header(s, p);
	case '.':
		if (*p != '\0')
			return bad(s, "bad end line");
		s->done = true;
		return 0;
	case '\0': return bad(s, "empty line");
	default:
		keep_unknown(s, line);
		return 0;
	}
}

static int rd_lines(rd_t *s, const char *data, size_t len)
{
	size_t i = 0;

	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t n = (nl != NULL ? (size_t)(nl - data) : len) - i;
		char *line;
		int r;

		s->lineno++;
		if (n > QF_LINE_MAX)
			return bad(s, "line too long");
		if (memchr(data + i, '\0', n) != NULL)
			return bad(s, "NUL byte in line");
		line = xstrndup(data + i, n);
		r = rd_line(s, line);
		free(line);
		if (r < 0)
			return -1;
		i += n + 1;
	}
	return 0;
}

int qf_read_mem(const char *data, size_t len, envelope_t *e, buf_t *err)
{
	rd_t s;
	int r;

	memset(&s, 0, sizeof s);
	s.e = e;
	s.err = err;
	r = rd_lines(&s, data, len);
	if (r == 0 && !s.done) {
		s.lineno++;
		r = bad(&s, "no end marker (\".\")");
	}
	free(s.ctl);
	free(s.q);
	free(s.r);
	free(s.m);
	return r;
}

int qf_read(FILE *fp, envelope_t *e, buf_t *err)
{
	buf_t data = BUF_INIT(QF_FILE_MAX);
	char chunk[8192];
	size_t n;
	int r;

	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (buf_add(&data, chunk, n) < 0)
			break;
	}
	if (ferror(fp) || data.overflow) {
		buf_reset(err);
		buf_adds(err, ferror(fp) ? "read error" : "control file too large");
		buf_free(&data);
		return -1;
	}
	r = qf_read_mem(data.p != NULL ? data.p : "", data.len, e, err);
	buf_free(&data);
	return r;
}

int qf_read_fd(int fd, envelope_t *e, buf_t *err)
{
	int dfd = dup(fd);
	FILE *f = dfd >= 0 ? fdopen(dfd, "r") : NULL;
	int r;

	if (f == NULL) {
		if (dfd >= 0)
			close(dfd);
		buf_printf(err, "cannot read control file: %s", strerror(errno));
		return -1;
	}
	r = qf_read(f, e, err);
	fclose(f);
	return r;
}
