/* test_aliases.c - the alias file line reader (src/aliases/alias_line.c):
 * continuations (backslash, leading blank), comments collecting them,
 * NULs, a last line without newline, the 8192-byte limit and what is
 * skipped after a line too long, and the line numbers reported. */
#include "tap.h"
#include "aliases/aliases.h"
#include "lib/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* read all logical lines of text[0..n) into "L:text|" / "T@line|" */
static void read_all(const char *text, size_t n, buf_t *out, int *lastline)
{
	alias_reader_t r;
	buf_t line = BUF_INIT(0);
	int k;

	memset(&r, 0, sizeof r);
	r.f = fmemopen((void *)text, n, "r");
	buf_reset(out);
	if (r.f == NULL) {
		buf_adds(out, "fmemopen failed");
		return;
	}
	while ((k = alias_read_line(&r, &line)) != AL_EOF) {
		if (k == AL_TOOLONG)
			buf_printf(out, "T@%d|", r.toolong_line);
		else
			buf_printf(out, "L%d:%s|", r.lineno, buf_str(&line));
	}
	*lastline = r.lineno;
	fclose(r.f);
	buf_free(&line);
}

static void check(const char *text, const char *want, const char *what)
{
	buf_t out = BUF_INIT(0);
	int last;

	read_all(text, strlen(text), &out, &last);
	is_str(buf_str(&out), want, "%s", what);
	buf_free(&out);
}

/* a line of n bytes of 'x' after prefix, then a newline */
static void long_line(buf_t *b, const char *prefix, size_t n)
{
	buf_adds(b, prefix);
	while (n-- > 0)
		buf_addc(b, 'x');
	buf_addc(b, '\n');
}

static void test_limits(void)
{
	buf_t in = BUF_INIT(0), out = BUF_INIT(0);
	int last;

	/* "a: " + 8187 = 8190 bytes + newline + NUL fill the 8192-byte buffer */
	long_line(&in, "a: ", 8187);
	buf_adds(&in, "b: c\n");
	read_all(in.p, in.len, &out, &last);
	ok(strncmp(buf_str(&out), "L1:a: xxx", 9) == 0 && strstr(buf_str(&out), "|L2:b: c|") != NULL,
	   "a line of 8190 bytes fits");
	buf_reset(&in);
	long_line(&in, "a: ", 8188);
	buf_adds(&in, " cont\n\tcont2\nb: c\n");
	read_all(in.p, in.len, &out, &last);
	is_str(buf_str(&out), "T@1|L4:b: c|", "one byte more: too long, its continuations skipped");
	is_int(last, 4, "line numbers count the skipped lines");
	buf_reset(&in);
	buf_adds(&in, "a: b\n");
	long_line(&in, " ", 4000);
	long_line(&in, " ", 4000);
	long_line(&in, " ", 400);
	buf_adds(&in, "z: y\n");
	read_all(in.p, in.len, &out, &last);
	is_str(buf_str(&out), "T@4|L5:z: y|", "continuations add up past the limit");
	buf_free(&in);
	buf_free(&out);
}

static const struct { const char *in, *want, *what; } cases[] = {
	{ "", "", "empty file: no line" },
	{ "a: b\nc: d\n", "L1:a: b|L2:c: d|", "two lines" },
	{ "a: b", "L1:a: b|", "last line without newline" },
	{ "a: b\\\nc\n", "L2:a: bc|", "backslash joins the next line in place" },
	{ "a: b,\n c\n\td\n", "L3:a: b, c\td|", "blank-led lines continue" },
	{ "# x\n y\nz: w\n", "L2:# x y|L3:z: w|", "a comment collects continuations" },
	{ "\n\na: b\n", "L1:|L2:|L3:a: b|", "blank lines are lines" },
	{ "a: b\\", "L1:a: b\\|", "backslash at end of file stays" },
	{ "a: b\r\n", "L1:a: b\r|", "CR is kept" },
	{ "a: b\\\n", "L1:a: b|", "backslash before end of file" },
};

int main(void)
{
	size_t i;

	plan(15);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check(cases[i].in, cases[i].want, cases[i].what);
	{
		buf_t out = BUF_INIT(0);
		int last;
		read_all("a: b\0c\nd: e\nf: g\n", 17, &out, &last);
		is_str(buf_str(&out), "T@1|L2:f: g|",
		       "a NUL hides the newline: too long, the next chunk ends it (as the reference)");
		buf_free(&out);
	}
	test_limits();
	return 0;
}
