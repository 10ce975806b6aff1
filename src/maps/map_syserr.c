/* map_syserr.c - how map classes report run-time system errors: the
 * message on the mode's output (map_message), with ": <errno text>"
 * when an errno goes with it, and the process exit status set the way
 * the reference's syserr sets it (only if none is set yet: EX_OSERR
 * when errno was set, EX_SOFTWARE otherwise).  Also the one way to
 * leave a declared map closed for good. */
#include "maps/map.h"
#include "lib/exitstat.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

void map_syserr(int err, const char *fmt, ...)
{
	buf_t b = BUF_INIT(256);
	va_list ap;

	va_start(ap, fmt);
	(void)buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (err != 0)
		(void)buf_printf(&b, ": %s", strerror(err));
	map_message("%s", buf_str(&b));
	buf_free(&b);
	if (sm_exitstat == 0)
		sm_set_exitstat(err != 0 ? EX_OSERR : EX_SOFTWARE);
}

void map_never_opens(map_t *m)
{
	m->tried_open = true;
	m->open_status = MAP_UNAVAIL;
}
