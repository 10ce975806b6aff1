/* alias_text.c - an implicit alias map whose database cannot be opened:
 * the reference warns "cannot open alias database FILE; reading text
 * version", reads the text file into memory (each line parsed as
 * newaliases does, the same "FILE: N aliases, ..." summary) and answers
 * lookups from there.  The map changes class to "aliastext" for the rest
 * of the process.  Memory is bounded: past ALIAS_TEXT_MAX bytes of keys
 * and values the rest of the file is not read. */
#include "aliases/aliases.h"
#include "lib/exitstat.h"
#include "lib/xalloc.h"
#include "maps/map.h"
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define ALIAS_TEXT_MAX  (64L * 1024 * 1024)
#define ALIAS_TEXT_BUCKETS 1024

typedef struct aent {
	char *key, *val;
	size_t klen;
	struct aent *next;
} aent_t;

typedef struct atext {
	aent_t *b[ALIAS_TEXT_BUCKETS];
	const char *file;
	int lineno;
	long n, longest, total;
} atext_t;

static cf_t *text_cf;
static FILE *text_trace;

void alias_text_config(cf_t *cf)
{
	text_cf = cf;
}

void alias_text_trace(FILE *f)
{
	text_trace = f;
}

static unsigned bucket(const char *k, size_t n)
{
	unsigned h = 5381;

	while (n-- > 0)
		h = h * 33 + (unsigned char)*k++;
	return h % ALIAS_TEXT_BUCKETS;
}

static aent_t *find(atext_t *t, const char *k, size_t n)
{
	aent_t *e;

	for (e = t->b[bucket(k, n)]; e != NULL; e = e->next)
		if (e->klen == n && memcmp(e->key, k, n) == 0)
			return e;
	return NULL;
}

/* a later line of the same name replaces the value */
static void put(atext_t *t, const alias_entry_t *ae)
{
	size_t kl = ae->key.len;
	const char *k = ae->key.p != NULL ? ae->key.p : "";
	aent_t *e = find(t, k, kl);

	if (e == NULL) {
		unsigned h = bucket(k, kl);
		e = xcalloc(1, sizeof *e);
		e->key = xstrndup(k, kl);
		e->klen = kl;
		e->next = t->b[h];
		t->b[h] = e;
	} else
		free(e->val);
	e->val = xstrndup(ae->value, ae->vlen);
	t->n++;
	if ((long)ae->vlen > t->longest)
		t->longest = (long)ae->vlen;
	t->total += (long)(kl + ae->vlen);
}

static void text_diag(void *arg, int kind, int st, const char *msg)
{
	atext_t *t = arg;

	map_message("%s: line %d: %s", t->file, t->lineno, msg);
	if (kind != AD_WARN && sm_exitstat == EX_OK && st != EX_OK)
		sm_set_exitstat(st);
}

static void read_text(atext_t *t, FILE *f, bool fold)
{
	alias_reader_t rd = { f, 0, 0 };
	alias_entry_t e;
	buf_t line = BUF_INIT(0);
	int r;

	alias_entry_init(&e);
	while (t->total < ALIAS_TEXT_MAX && (r = alias_read_line(&rd, &line)) != AL_EOF) {
		t->lineno = r == AL_TOOLONG ? rd.toolong_line : rd.lineno;
		if (r == AL_TOOLONG)
			text_diag(t, AD_SYSERR, EX_SOFTWARE, "alias line too long");
		else if (alias_parse_line(text_cf, buf_str(&line), fold, &e, text_diag, t))
			put(t, &e);
	}
	alias_entry_free(&e);
	buf_free(&line);
}

static int text_lookup(map_t *m, const char *key, size_t klen, buf_t *out)
{
	atext_t *t = m->handle;
	aent_t *e;

	if (t == NULL)
		return MAP_TEMPFAIL;
	if (klen > 0 && key[klen - 1] == '\0')
		klen--;
	e = find(t, key, klen);
	if (e == NULL)
		return MAP_NOTFOUND;
	return buf_adds(out, e->val) < 0 ? MAP_TEMPFAIL : MAP_OK;
}

static void text_close(map_t *m)
{
	atext_t *t = m->handle;
	aent_t *e, *next;
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < ALIAS_TEXT_BUCKETS; i++)
		for (e = t->b[i]; e != NULL; e = next) {
			next = e->next;
			free(e->key);
			free(e->val);
			free(e);
		}
	free(t);
	m->handle = NULL;
}

static int text_open(map_t *m)
{
	return m->handle != NULL ? MAP_OK : MAP_TEMPFAIL;
}

static const map_class_t alias_text_class = {
	"aliastext", NULL, NULL, text_open, text_lookup, NULL, text_close, 0
};

int alias_db_missing(map_t *m)
{
	atext_t *t;
	FILE *f;

	alias_note("WARNING: cannot open alias database %s; reading text version", m->file);
	if (m->file == NULL || text_cf == NULL || (f = fopen(m->file, "r")) == NULL)
		return MAP_TEMPFAIL;
	t = xcalloc(1, sizeof *t);
	t->file = m->file;
	/* -bt also shows each name's rulesets (alias_text_trace) */
	alias_parse_trace = alias_note_shown() ? text_trace : NULL;
	read_text(t, f, !(m->flags & MF_NOFOLDCASE));
	alias_parse_trace = NULL;
	fclose(f);
	alias_note("%s: %ld aliases, longest %ld bytes, %ld bytes total", m->file, t->n,
		   t->longest, t->total);
	m->cls = &alias_text_class;
	m->flags &= ~(MF_TRY1NULL | MF_INCLNULL);
	m->flags |= MF_TRY0NULL;
	m->handle = t;
	return MAP_OK;
}
