/* fuzz_mapsrc.c - libFuzzer target for makemap's input discipline
 * (src/maps/mapsrc.c): chunked line reading with the 1024-byte limit and
 * the key/value split.
 *
 * Input: byte 0 picks the delimiter (0: white space, else that byte),
 * byte 1 the comment character, byte 2's low bits fold (1) and -e (2);
 * the rest is makemap's stdin.  Every line must come back NUL-terminated
 * and shorter than the limit, and key and value must lie inside it, in
 * order, with the key free of the delimiter (before folding) and folded
 * when asked. */
#include "maps/mapsrc.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_entry(const char *line, size_t len, const mapsrc_syntax_t *s,
			const char *k, const char *v)
{
	size_t i, kl = strlen(k);

	if (k != line || v < k + kl || v > line + len)
		abort();
	for (i = 0; i < kl; i++) {
		/* folding comes after the split: 'A' may become the delimiter 'a' */
		if (s->sep != MAPSRC_BLANKS && k[i] == s->sep && !(s->fold && s->sep >= 'a' && s->sep <= 'z'))
			abort();
		if (s->fold && k[i] >= 'A' && k[i] <= 'Z')
			abort();
	}
}

static void one_line(char *line, const mapsrc_syntax_t *s)
{
	size_t len = strlen(line);
	char *k = NULL, *v = NULL;

	if (len >= MAPSRC_LINEMAX || strchr(line, '\n') != NULL)
		abort();
	switch (mapsrc_split(line, s, &k, &v)) {
	case MAPSRC_ENTRY:
		check_entry(line, len, s, k, v);
		if (*v == '\0' && !s->allow_empty)
			abort();
		break;
	case MAPSRC_NORHS:
		if (k != line)
			abort();
		break;
	default:
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mapsrc_syntax_t s;
	mapsrc_reader_t r;
	FILE *fp;
	char *line;
	int k;

	if (size < 3)
		return 0;
	s.sep = data[0] == 0 ? MAPSRC_BLANKS : data[0];
	s.comment = data[1];
	s.fold = (data[2] & 1) != 0;
	s.allow_empty = (data[2] & 2) != 0;
	if (size == 3)
		return 0;
	fp = fmemopen((void *)(data + 3), size - 3, "r");
	if (fp == NULL)
		return 0;
	mapsrc_init(&r, fp);
	while ((k = mapsrc_read(&r, &line)) != MAPSRC_EOF)
		if (k == MAPSRC_LINE)
			one_line(line, &s);
	fclose(fp);
	return 0;
}
