/* class.c - class membership table (see class.h). */
#include "conf/class.h"
#include "conf/macro.h"
#include "lib/xalloc.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

#define NBUCKET 2003
#define ST_CLASS 1
#define BITWORDS (MACRO_MAX / 64)

typedef struct member {
	struct member *next;
	unsigned long long bits[BITWORDS];
	char name[];
} member_t;

static member_t *table[NBUCKET];

unsigned class_hash_init(void)
{
	return ST_CLASS;
}

unsigned class_hash_add(unsigned h, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		/* h < NBUCKET, so (h << 1) ^ c < 4096 < 3 * NBUCKET: two
		 * subtractions do what "% NBUCKET" does */
		h = (h << 1) ^ c;
		if (h >= NBUCKET)
			h -= NBUCKET;
		if (h >= NBUCKET)
			h -= NBUCKET;
	}
	return h;
}

static member_t *find_h(const char *s, size_t n, unsigned h, bool create)
{
	member_t **pp = &table[h];
	member_t *m;

	for (; (m = *pp) != NULL; pp = &m->next)
		if (strncasecmp(m->name, s, n) == 0 && m->name[n] == '\0')
			return m;
	if (!create)
		return NULL;
	m = xcalloc(1, sizeof *m + n + 1);
	memcpy(m->name, s, n);
	*pp = m;
	return m;
}

static member_t *find(const char *s, size_t n, bool create)
{
	return find_h(s, n, class_hash_add(class_hash_init(), s, n), create);
}

bool class_has_hashed(int id, const char *word, size_t n, unsigned h)
{
	member_t *m;
	if (id < 0 || id >= MACRO_MAX)
		return false;
	m = find_h(word, n, h, false);
	return m != NULL && (m->bits[id / 64] & (1ULL << (id % 64))) != 0;
}

void class_add(int id, const char *word)
{
	member_t *m;
	if (id < 0 || id >= MACRO_MAX)
		return;
	m = find(word, strlen(word), true);
	m->bits[id / 64] |= 1ULL << (id % 64);
}

bool class_has_n(int id, const char *word, size_t n)
{
	member_t *m;
	if (id < 0 || id >= MACRO_MAX)
		return false;
	m = find(word, n, false);
	return m != NULL && (m->bits[id / 64] & (1ULL << (id % 64))) != 0;
}

bool class_has(int id, const char *word)
{
	return class_has_n(id, word, strlen(word));
}

void class_each(int id, void (*fn)(const char *, void *), void *arg)
{
	int b;
	member_t *m;
	for (b = 0; b < NBUCKET; b++)
		for (m = table[b]; m; m = m->next)
			if (m->bits[id / 64] & (1ULL << (id % 64)))
				fn(m->name, arg);
}

void class_reset(void)
{
	int b;
	member_t *m, *n;
	for (b = 0; b < NBUCKET; b++) {
		for (m = table[b]; m; m = n) {
			n = m->next;
			free(m);
		}
		table[b] = NULL;
	}
}
