/* test_cflines.c - sendmail.cf split into logical lines: lines handed out
 * in place and lines joined give what fgets()-style reading gave. */
#include "tap.h"
#include "conf/cf_lines.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[] = "/tmp/test_cflines.XXXXXX";

static void write_file(const char *data, size_t n)
{
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, data, n) != (ssize_t)n)
		bail_out("cannot write %s", path);
	close(fd);
}

/* every logical line as "start:text|" */
static void read_all(buf_t *out)
{
	cf_lines_t *r = malloc(sizeof *r);
	buf_t line = BUF_INIT(1024 * 1024);
	int lineno = 0, start = 0;
	char *p;

	if (r == NULL || cfl_open(r, path) < 0)
		bail_out("cannot open %s", path);
	while ((p = cfl_next(r, &line, &lineno, &start)) != NULL)
		buf_printf(out, "%d:%s|", start, p);
	cfl_close(r);
	free(r);
	buf_free(&line);
}

static void check(const char *data, size_t n, const char *want, const char *name)
{
	buf_t got = BUF_INIT(0);

	memcpy(path + strlen(path) - 6, "XXXXXX", 6);
	write_file(data, n);
	read_all(&got);
	is_str(buf_str(&got), want, "%s", name);
	unlink(path);
	buf_free(&got);
}

int main(void)
{
	static const char nul[] = "Dx\0junk\nDy\n";
	char *big;
	buf_t want = BUF_INIT(0);

	plan(6);
	check("# c\nDa\n\nRx\ty\n", 12, "1:# c|2:Da|3:|4:Rx\ty|", "plain lines, a comment, an empty one");
	check("Ca\n b\n\tc\n# k\n d\nDz", 19, "1:Ca b\tc|4:# k|5: d|6:Dz|",
	      "continuations; a comment continues nothing; last line without newline");
	check("HReceived: a\n\tb\nDq\n", 19, "1:HReceived: a\n\tb|3:Dq|", "a header template keeps its break");
	check(nul, sizeof nul - 1, "1:DxDy|", "a NUL ends the text of its line, which then runs on");
	check("Da\n", 3, "1:Da|", "one line");
	big = malloc(70000);
	if (big == NULL)
		bail_out("no memory");
	memset(big, 'x', 70000);
	big[0] = 'D';
	big[9000] = '\n';
	big[69999] = '\n';
	/* 8191-byte pieces as fgets() with an 8192-byte buffer would give */
	buf_printf(&want, "1:%.*s|", 9000, big);
	buf_printf(&want, "2:%.*s|", 69999 - 9001, big + 9001);
	check(big, 70000, buf_str(&want), "long lines across pieces and blocks");
	free(big);
	buf_free(&want);
	return done_testing();
}
