/* str.c - small string helpers. */
#include "lib/str.h"
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

size_t sm_strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);
	if (size > 0) {
		size_t c = n < size - 1 ? n : size - 1;
		memcpy(dst, src, c);
		dst[c] = '\0';
	}
	return n;
}

size_t sm_strlcat(char *dst, const char *src, size_t size)
{
	size_t d = strnlen(dst, size);
	if (d == size)
		return d + strlen(src);
	return d + sm_strlcpy(dst + d, src, size - d);
}

void sm_lower(char *s)
{
	for (; *s; s++)
		if (isascii((unsigned char)*s) && isupper((unsigned char)*s))
			*s = (char)tolower((unsigned char)*s);
}

bool sm_streq_ci(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

int sm_atoi_bounded(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

char *sm_trim(char *s)
{
	char *e;
	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}
