/* buf.h - the one bounded string/buffer type used everywhere.
 *
 * A buf_t owns a NUL-terminated byte string of length len that may never
 * exceed max bytes (max == 0 means BUF_DEFAULT_MAX).  Appends that would
 * pass the limit append nothing, set the overflow flag and return -1, so
 * hostile input can make an operation fail but never grow memory without
 * bound or write out of bounds.  Embedded NUL bytes are allowed. */
#ifndef SM_BUF_H
#define SM_BUF_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define BUF_DEFAULT_MAX (16u * 1024 * 1024)

typedef struct buf {
	char *p;        /* always NUL-terminated when cap > 0 */
	size_t len;
	size_t cap;
	size_t max;
	bool overflow;  /* sticky: an append was refused */
} buf_t;

#define BUF_INIT(m) { NULL, 0, 0, (m), false }

void buf_init(buf_t *b, size_t max);
void buf_free(buf_t *b);
void buf_reset(buf_t *b);              /* len = 0, overflow cleared */
int buf_add_slow(buf_t *b, const void *s, size_t n);
int buf_adds(buf_t *b, const char *s);

/* the common case (room in the buffer) inline; the rest in buf.c */
static inline int buf_add(buf_t *b, const void *s, size_t n)
{
	if (!b->overflow && b->len + n + 1 <= b->cap && b->len + n <= b->max) {
		if (n)
			memcpy(b->p + b->len, s, n);
		b->len += n;
		b->p[b->len] = '\0';
		return 0;
	}
	return buf_add_slow(b, s, n);
}

static inline int buf_addc(buf_t *b, int c)
{
	if (!b->overflow && b->len + 2 <= b->cap && b->len + 1 <= b->max) {
		b->p[b->len++] = (char)c;
		b->p[b->len] = '\0';
		return 0;
	}
	{
		char ch = (char)c;
		return buf_add_slow(b, &ch, 1);
	}
}
int buf_printf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vprintf(buf_t *b, const char *fmt, va_list ap);
int buf_set(buf_t *b, const char *s);
void buf_truncate(buf_t *b, size_t len);
/* make room for n more bytes (within max); -1 if that would pass max */
int buf_reserve(buf_t *b, size_t n);
const char *buf_str(const buf_t *b);   /* "" when empty */
char *buf_steal(buf_t *b);             /* caller owns result; b reset */

#endif
