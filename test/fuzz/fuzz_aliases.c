/* fuzz_aliases.c - libFuzzer target for the alias file reader and parser
 * (src/aliases/alias_line.c, alias_parse.c): logical lines with their
 * continuations and the 8192-byte limit, then "name: value" to key and
 * value through parseaddr.
 *
 * Input: byte 0 bit 0 says keys keep their case (-f); the rest is the
 * alias file.  Every logical line must fit the reference's buffer and
 * contain no newline; an entry's value must lie inside its line and its
 * key must be lowercase unless -f.  The configuration is built in memory:
 * the default mailers, a local mailer and rulesets 3 and 0 that send
 * every address to it, so no input reaches the resolver or a file. */
#include "aliases/aliases.h"
#include "conf/cf.h"
#include "maps/map.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cf_t the_cf;

static const char *const cf_text[] = {
	"V10/Berkeley",
	"Mlocal, P=/bin/true, F=lsDFMAw5:/|@qPSXmn9, S=0, R=0, A=local -d $u",
	"S3",
	"R$* < $* > $*	$2",
	"S0",
	"R$* < @ $+ > $*	$#local $: $1",
	"R$*	$#local $: $1",
};

static void no_diag(void *arg, int kind, int st, const char *msg)
{
	(void)arg;
	(void)kind;
	(void)st;
	if (msg == NULL || strchr(msg, '\n') != NULL)
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;
	FILE *null = fopen("/dev/null", "w");

	(void)argc;
	(void)argv;
	if (null == NULL)
		abort();
	if (getenv("FUZZ_VERBOSE") == NULL)
		stdout = null;
	cf_init(&the_cf);
	CF = &the_cf;
	map_register_builtin_classes();
	cf_setup_default_mailers(&the_cf);
	for (i = 0; i < sizeof cf_text / sizeof cf_text[0]; i++) {
		char *l = strdup(cf_text[i]);
		if (l == NULL)
			abort();
		cf_line(&the_cf, l, (int)i + 1);
		free(l);
	}
	cf_bind_all_calls(&the_cf);
	if (the_cf.errors != 0)
		abort();
	return 0;
}

static void check_entry(const char *line, const alias_entry_t *e, bool fold)
{
	size_t i, len = strlen(line);

	if (e->value < line || e->value + e->vlen > line + len)
		abort();
	for (i = 0; fold && i < e->key.len; i++)
		if (e->key.p[i] >= 'A' && e->key.p[i] <= 'Z')
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	alias_reader_t r;
	alias_entry_t e;
	buf_t line = BUF_INIT(0);
	bool fold;
	int k;

	if (size < 1)
		return 0;
	fold = !(data[0] & 1);
	memset(&r, 0, sizeof r);
	r.f = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "r");
	if (r.f == NULL)
		return 0;
	if (size == 1)
		fgetc(r.f);   /* fmemopen needs a size: read the one byte away */
	alias_entry_init(&e);
	while ((k = alias_read_line(&r, &line)) != AL_EOF) {
		if (line.len >= ALIAS_LINE_MAX || memchr(line.p ? line.p : "", '\n', line.len))
			abort();
		if (k == AL_LINE && alias_parse_line(&the_cf, buf_str(&line), fold, &e, no_diag, NULL))
			check_entry(buf_str(&line), &e, fold);
	}
	alias_entry_free(&e);
	buf_free(&line);
	fclose(r.f);
	return 0;
}
