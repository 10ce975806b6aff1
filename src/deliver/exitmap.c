/* exitmap.c - a mailer's exit status as the reference reports it: the
 * enhanced status code and the stat= words (sysexits names), and the
 * attempt record every delivery fills. */
#include "deliver/deliver_int.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

static const struct {
	int st;
	const char *dsn, *text;
} exits[] = {
	{ EX_OK, "2.0.0", "Sent" },
	{ EX_USAGE, "5.0.0", "Command line usage error" },
	{ EX_DATAERR, "5.6.0", "Data format error" },
	{ EX_NOINPUT, "5.3.0", "Cannot open input" },
	{ EX_NOUSER, "5.1.1", "User unknown" },
	{ EX_NOHOST, "5.1.2", "Host unknown" },
	{ EX_UNAVAILABLE, "5.0.0", "Service unavailable" },
	{ EX_SOFTWARE, "5.3.0", "Internal error" },
	{ EX_OSERR, "4.0.0", "Operating system error" },
	{ EX_OSFILE, "5.3.5", "System file missing" },
	{ EX_CANTCREAT, "5.0.0", "Can't create output" },
	{ EX_IOERR, "4.0.0", "I/O error" },
	{ EX_TEMPFAIL, "4.0.0", "Deferred" },
	{ EX_PROTOCOL, "5.5.0", "Remote protocol error" },
	{ EX_NOPERM, "5.0.0", "Insufficient permission" },
	{ EX_CONFIG, "5.3.5", "Local configuration error" },
};

static int find(int st)
{
	size_t i;
	for (i = 0; i < sizeof exits / sizeof exits[0]; i++)
		if (exits[i].st == st)
			return (int)i;
	return -1;
}

const char *exit_dsn(int st)
{
	int i = find(st);
	return i >= 0 ? exits[i].dsn : "5.3.0";
}

const char *exit_text(int st)
{
	int i = find(st);
	return i >= 0 ? exits[i].text : NULL;
}

void attempt_init(attempt_t *a)
{
	memset(a, 0, sizeof *a);
}

void attempt_free(attempt_t *a)
{
	free(a->dsn);
	free(a->stat);
	free(a->reply);
	free(a->relay);
	free(a->text);
	free(a->xscript);
	free(a->emsg);
	attempt_init(a);
}

void attempt_set_exit(attempt_t *a, int st, const char *text)
{
	buf_t b = BUF_INIT(0);
	const char *t = exit_text(st);

	a->exitstat = st;
	env_set_str(&a->dsn, exit_dsn(st));
	if (t != NULL)
		buf_adds(&b, t);
	else
		buf_printf(&b, "unknown mailer error %d", st);
	env_set_str(&a->stat, buf_str(&b));
	if (text != NULL)
		env_set_str(&a->text, text);
	buf_free(&b);
}
