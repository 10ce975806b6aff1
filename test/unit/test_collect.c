/* test_collect.c - reading a submitted message (src/submit/collect.c):
 * header fields, continuation lines, the end of the header, CRLF, the
 * lone-dot rule, a leading From_ line, overlong lines and the header
 * size cap.  Expected results are what the reference queued for the same
 * input (see the comments). */
#include "tap.h"
#include "submit/collect.h"
#include <stdio.h>
#include <string.h>

typedef struct res {
	collect_t c;
	char body[262144];
	size_t blen;
} res_t;

static void run(const char *in, size_t inlen, bool dots, size_t maxhdr, res_t *r)
{
	FILE *fi = fmemopen((void *)in, inlen, "r");
	FILE *fo = tmpfile();

	collect_message(fi, fo, dots, maxhdr, &r->c);
	rewind(fo);
	r->blen = fread(r->body, 1, sizeof r->body - 1, fo);
	r->body[r->blen] = '\0';
	fclose(fi);
	fclose(fo);
}

#define RUN(s, dots, r) run(s, sizeof(s) - 1, dots, 32768, r)

static void basic(void)
{
	static res_t r;
	RUN("Subject: one\n\nbody one\n", false, &r);
	is_int((int)r.c.nhdrs, 1, "one field");
	is_str(r.c.hdrs[0], "Subject: one", "field text");
	is_str(r.body, "body one\n", "body");
	is_int((int)r.c.size, 23, "size counts every byte read");
	collect_free(&r.c);

	RUN("Subject: a\nnot a header\nX: y\n\nx\n", false, &r);
	is_int((int)r.c.nhdrs, 1, "a non-field line ends the header");
	is_str(r.body, "not a header\nX: y\n\nx\n", "... and starts the body");
	is_int((int)r.c.size, 32, "size 32 (reference: P30032)");
	collect_free(&r.c);

	RUN("Subject:\nX-E:   \nX:y\n\nx\n", false, &r);
	is_int((int)r.c.nhdrs, 3, "empty values are fields");
	is_str(r.c.hdrs[1], "X-E:   ", "blanks kept");
	collect_free(&r.c);
}

static void line_ends(void)
{
	static res_t r;
	RUN("Subject: a\r\nX: b\r\n\r\nbody\r\n", false, &r);
	is_int((int)r.c.nhdrs, 2, "CRLF fields");
	is_str(r.c.hdrs[1], "X: b", "CR dropped");
	is_str(r.body, "body\n", "CRLF body becomes LF");
	is_int((int)r.c.size, 22, "size after CRLF->LF (reference: P30022)");
	collect_free(&r.c);

	RUN("Subject: a\n\n.\nafter dot\n", false, &r);
	is_str(r.body, "", "a lone dot ends the message");
	is_int((int)r.c.size, 12, "size 12 (reference: P30012)");
	collect_free(&r.c);

	RUN("Subject: a\n\n.\nafter dot\n", true, &r);
	is_str(r.body, ".\nafter dot\n", "-i: a lone dot is text");
	collect_free(&r.c);

	RUN("Subject: a\n\n..\nx\n", false, &r);
	is_str(r.body, "..\nx\n", "no dot unstuffing on the command line");
	collect_free(&r.c);

	RUN("Subject: a\n\nno newline at end", false, &r);
	is_str(r.body, "no newline at end", "last line without newline kept");
	collect_free(&r.c);
}

static void header_shapes(void)
{
	static res_t r;
	RUN("From bob Sun Nov 22\nSubject: a\n\nx\n", false, &r);
	is_str(r.c.from_line, "From bob Sun Nov 22", "From_ line taken off");
	is_int((int)r.c.nhdrs, 1, "... not a field");
	is_int((int)r.c.size, 34, "... but counted (reference: P30034)");
	collect_free(&r.c);

	RUN("Subject: a folded\n subject line\nX: y\n\nb\n", false, &r);
	is_str(r.c.hdrs[0], "Subject: a folded\n subject line", "continuation joined with newline");
	collect_free(&r.c);

	RUN("  Subject: a\n\nx\n", false, &r);
	is_int((int)r.c.nhdrs, 0, "leading blank: not a field");
	is_str(r.body, "  Subject: a\n\nx\n", "... body from the first line");
	collect_free(&r.c);

	RUN("\nbody only\n", false, &r);
	is_int((int)r.c.nhdrs, 0, "empty header");
	is_str(r.body, "body only\n", "blank separator not stored");
	collect_free(&r.c);
}

static void limits(void)
{
	static char big[200000];
	static res_t r;
	size_t n = 0;

	n += (size_t)snprintf(big, sizeof big, "Subject: ");
	memset(big + n, 'a', 100000);
	n += 100000;
	n += (size_t)snprintf(big + n, sizeof big - n, "\nX: y\n\nbody\n");
	run(big, n, false, 32768, &r);
	ok(r.c.hdr_overflow, "a field over MaxHeadersLength is flagged");
	ok(r.c.hdrbytes <= 32768, "kept header text stays under the cap");
	is_str(r.body, "body\n", "the body is still read");
	collect_free(&r.c);

	n = 0;
	n += (size_t)snprintf(big, sizeof big, "Subject: x\n\n");
	memset(big + n, 'b', 150000);
	n += 150000;
	big[n++] = '\n';
	run(big, n, false, 32768, &r);
	is_int((int)r.blen, 150001, "a 150000-byte body line passes whole");
	collect_free(&r.c);

	{
		static const char nul[] = "Subject: a\n\nx\0y\n";
		run(nul, sizeof nul - 1, false, 32768, &r);
		is_int((int)r.blen, 4, "NUL bytes in the body are kept");
		collect_free(&r.c);
	}
}

int main(void)
{
	basic();
	line_ends();
	header_shapes();
	limits();
	return done_testing();
}
