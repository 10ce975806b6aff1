/* proctitle.c - the process title ps shows: main's argv area (and the
 * environment strings after it, moved away first) rewritten in place.
 * main parses a heap copy of argv, so nothing points into that area. */
#include "daemon/daemon.h"
#include "lib/buf.h"
#include "lib/xalloc.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static char *title_start;
static size_t title_room;

void proctitle_init(int argc, char **argv)
{
	char *end;
	size_t n = 0;

	if (argc < 1 || argv[0] == NULL)
		return;
	end = argv[argc - 1] + strlen(argv[argc - 1]);
	for (char **e = environ; *e != NULL; e++, n++)
		if (*e == end + 1)
			end = *e + strlen(*e);
	/* the environment moves to the heap before its area is reused */
	char **copy = xcalloc(n + 1, sizeof *copy);
	for (size_t i = 0; i < n; i++)
		copy[i] = xstrdup(environ[i]);
	environ = copy;
	title_start = argv[0];
	title_room = (size_t)(end - argv[0]);
}

void proctitle_set(const char *fmt, ...)
{
	buf_t b = BUF_INIT(4096);
	va_list ap;

	if (title_start == NULL || title_room < 2)
		return;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	memset(title_start, '\0', title_room);
	memcpy(title_start, buf_str(&b), b.len < title_room - 1 ? b.len : title_room - 1);
	buf_free(&b);
}
