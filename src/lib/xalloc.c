/* xalloc.c - checked allocation (see xalloc.h). */
#include "lib/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

static void oom(size_t n)
{
	fprintf(stderr, "sendmail: out of memory allocating %zu bytes\n", n);
	exit(EX_OSERR);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);
	if (p == NULL)
		oom(n * sz);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL)
		oom(n);
	return q;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void *xgrow(void *p, size_t *cap, size_t need, size_t sz)
{
	size_t c = *cap;
	if (need <= c)
		return p;
	if (c == 0)
		c = 8;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / sz)
			oom(need * sz);
		c *= 2;
	}
	*cap = c;
	return xrealloc(p, c * sz);
}
