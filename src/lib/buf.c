/* buf.c - bounded, growable strings (see buf.h). */
#include "lib/buf.h"
#include "lib/xalloc.h"
#include <stdio.h>
#include <string.h>

void buf_init(buf_t *b, size_t max)
{
	b->p = NULL;
	b->len = b->cap = 0;
	b->max = max ? max : BUF_DEFAULT_MAX;
	b->overflow = false;
}

void buf_free(buf_t *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void buf_reset(buf_t *b)
{
	b->len = 0;
	b->overflow = false;
	if (b->p)
		b->p[0] = '\0';
}

static int reserve(buf_t *b, size_t n)
{
	size_t max;

	if (b->max == 0)
		b->max = BUF_DEFAULT_MAX;   /* BUF_INIT(0): the default bound */
	max = b->max;
	if (n > max - b->len || b->overflow) {
		b->overflow = true;
		return -1;
	}
	if (b->len + n + 1 > b->cap) {
		size_t c = b->cap ? b->cap : 64;
		while (c < b->len + n + 1)
			c *= 2;
		b->p = xrealloc(b->p, c);
		b->cap = c;
	}
	return 0;
}

int buf_add_slow(buf_t *b, const void *s, size_t n)
{
	if (reserve(b, n) < 0)
		return -1;
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

int buf_adds(buf_t *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}


int buf_set(buf_t *b, const char *s)
{
	buf_reset(b);
	return buf_adds(b, s);
}

int buf_vprintf(buf_t *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	size_t room = b->cap > b->len ? b->cap - b->len : 0;

	/* one pass when the text fits the room already there (as it
	 * mostly does); else measured, the room made, and written again */
	va_copy(ap2, ap);
	n = vsnprintf(room > 0 ? b->p + b->len : NULL, room, fmt, ap2);
	va_end(ap2);
	if (n >= 0 && (size_t)n < room && !b->overflow && b->max != 0 &&
	    (size_t)n <= b->max - b->len) {
		b->len += (size_t)n;
		return 0;
	}
	if (room > 0)
		b->p[b->len] = '\0';   /* what a refused append leaves */
	if (n < 0 || reserve(b, (size_t)n) < 0)
		return -1;
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int buf_printf(buf_t *b, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return r;
}

void buf_truncate(buf_t *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->p[len] = '\0';
	}
}

const char *buf_str(const buf_t *b)
{
	return b->p ? b->p : "";
}

char *buf_steal(buf_t *b)
{
	char *p = b->p ? b->p : xstrdup("");
	b->p = NULL;
	b->len = b->cap = 0;
	b->overflow = false;
	return p;
}

int buf_reserve(buf_t *b, size_t n)
{
	size_t max = b->max ? b->max : BUF_DEFAULT_MAX;
	/* unlike an append, asking for too much does not poison the buffer */
	if (b->overflow || n > max - b->len)
		return -1;
	return reserve(b, n);
}
