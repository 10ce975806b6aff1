/* token.c - token vectors and the string arena behind them. */
#include "rewrite/token.h"
#include "lib/xalloc.h"
#include <stdint.h>
#include <string.h>

void tv_init(tokvec_t *tv)
{
	tv->v = NULL;
	tv->n = tv->cap = 0;
}

#define TV_POOL 32

static tokvec_t pool[TV_POOL];
static int npool;

void tv_take(tokvec_t *tv)
{
	if (npool > 0) {
		*tv = pool[--npool];
		tv->n = 0;
	} else
		tv_init(tv);
}

void tv_give(tokvec_t *tv)
{
	if (tv->v != NULL && npool < TV_POOL && tv->cap <= 4096) {
		tv->n = 0;
		pool[npool++] = *tv;
		tv_init(tv);
	} else
		tv_free(tv);
}

void tv_free(tokvec_t *tv)
{
	free(tv->v);
	tv_init(tv);
}

void tv_append(tokvec_t *tv, const tok_t *src, size_t n)
{
	if (n == 0)
		return;
	tv->v = xgrow(tv->v, &tv->cap, tv->n + n, sizeof(tok_t));
	memcpy(tv->v + tv->n, src, n * sizeof(tok_t));
	tv->n += n;
}

void tv_clear(tokvec_t *tv)
{
	tv->n = 0;
}

void tv_push_slow(tokvec_t *tv, tok_t t)
{
	tv->v = xgrow(tv->v, &tv->cap, tv->n + 1, sizeof(tok_t));
	tv->v[tv->n++] = t;
}

tok_t tok_word(const char *s)
{
	tok_t t;
	const unsigned char *p = (const unsigned char *)s;
	unsigned plain = 1;

	for (; *p; p++)
		if (*p < 0x20 || *p >= 0x7f)
			plain = 0;
	t.s = s;
	t.len = (unsigned)((const char *)p - s) & 0x7fffffffu;
	t.plain = plain;
	t.op = OP_WORD;
	t.sbit = (unsigned char)tokset_bit(OP_WORD, s);
	t.arg = 0;
	return t;
}

static const char opchars[] = {
	[OP_ZANY] = '*', [OP_ANY] = '+', [OP_ONE] = '-', [OP_CLASS] = '=',
	[OP_NCLASS] = '~', [OP_REPL] = '0', [OP_NET] = '#', [OP_HOST] = '@',
	[OP_USER] = ':', [OP_CALL] = '>', [OP_HBEGIN] = '[', [OP_HEND] = ']',
	[OP_LBEGIN] = '(', [OP_LEND] = ')', [OP_DEFER] = '&', [OP_CONDIF] = '?',
	[OP_CONDELSE] = '|', [OP_CONDFI] = '.', [OP_QUOTE8] = '"',
};

int tok_op_char(int op)
{
	if (op <= 0 || op > OP_QUOTE8)
		return 0;
	return opchars[op];
}

const unsigned char tok_op_of_char[256] = {
	['*'] = OP_ZANY, ['+'] = OP_ANY, ['-'] = OP_ONE, ['='] = OP_CLASS,
	['~'] = OP_NCLASS, ['#'] = OP_NET, ['@'] = OP_HOST, [':'] = OP_USER,
	['>'] = OP_CALL, ['['] = OP_HBEGIN, [']'] = OP_HEND, ['('] = OP_LBEGIN,
	[')'] = OP_LEND, ['&'] = OP_DEFER, ['?'] = OP_CONDIF, ['|'] = OP_CONDELSE,
	['.'] = OP_CONDFI, ['"'] = OP_QUOTE8,
	['1'] = OP_REPL, ['2'] = OP_REPL, ['3'] = OP_REPL, ['4'] = OP_REPL, ['5'] = OP_REPL,
	['6'] = OP_REPL, ['7'] = OP_REPL, ['8'] = OP_REPL, ['9'] = OP_REPL,
};

#define ARENA_CHUNK 8192
#define ARENA_ALIGN 16

void arena_init(arena_t *a)
{
	memset(a, 0, sizeof *a);
}

void arena_free(arena_t *a)
{
	size_t i;
	for (i = 0; i < a->nchunks; i++)
		free(a->chunks[i]);
	free(a->chunks);
	arena_init(a);
}

/* room for n bytes at cur (a new chunk when the current one is short) */
static void arena_room(arena_t *a, size_t n)
{
	if (n > a->left) {
		size_t sz = n > ARENA_CHUNK ? n : ARENA_CHUNK;
		a->chunks = xgrow(a->chunks, &a->cap, a->nchunks + 1, sizeof(char *));
		a->chunks[a->nchunks++] = a->cur = xmalloc(sz);
		a->left = sz;
	}
}

void *arena_alloc(arena_t *a, size_t n)
{
	size_t pad = (size_t)(-(uintptr_t)a->cur & (ARENA_ALIGN - 1));
	char *p;

	if (pad + n > a->left)
		pad = 0;        /* a new chunk: xmalloc's memory is aligned */
	arena_room(a, pad + n);
	p = a->cur + pad;
	a->cur += pad + n;
	a->left -= pad + n;
	return p;
}

const char *arena_dup(arena_t *a, const char *s, size_t n)
{
	char *p;
	arena_room(a, n + 1);
	p = a->cur;
	memcpy(p, s, n);
	p[n] = '\0';
	a->cur += n + 1;
	a->left -= n + 1;
	return p;
}


void tokset_clear(tokset_t *s)
{
	s->w[0] = s->w[1] = s->w[2] = s->w[3] = 0;
}

void tokset_of(tokset_t *s, const tok_t *v, size_t n)
{
	size_t i;
	tokset_clear(s);
	for (i = 0; i < n; i++)
		tokset_add(s, &v[i]);
}
