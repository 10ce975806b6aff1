/* deliver_log.c - the log line of one delivery attempt, field by field
 * as the reference writes it: to, ctladdr, delay, xdelay (when a mailer
 * ran), mailer, pri, relay, dsn, reply, stat; at LogLevel 8 for a
 * delivery, 9 for a deferral, 7 for a failure; a long to= list in
 * pieces marked [more]. */
#include "deliver/deliver_int.h"
#include "log/log.h"
#include <string.h>
#include <sysexits.h>

#define TO_LINE_ROOM 924   /* a line of 1024 bytes less 100 */

static void add_delay(buf_t *b, const char *name, long secs)
{
	if (secs < 0)
		secs = 0;
	if (secs >= 86400)
		buf_printf(b, ", %s=%ld+%02ld:%02ld:%02ld", name, secs / 86400, secs % 86400 / 3600,
			   secs % 3600 / 60, secs % 60);
	else
		buf_printf(b, ", %s=%02ld:%02ld:%02ld", name, secs / 3600, secs % 3600 / 60, secs % 60);
}

static int level_of(const attempt_t *a)
{
	if (a->exitstat == EX_OK)
		return 8;
	return a->dsn != NULL && a->dsn[0] == '4' ? 9 : 7;
}

/* a long recipient list goes out in pieces as the reference writes it:
 * while the rest of the list is at least 924 bytes less the length of
 * the line's other fields, the piece up to the last comma within that
 * length is logged with " [more]"; the last piece is cut at that length */
static void log_pieces(int level, const char *to, const char *rest)
{
	size_t lim = strlen(rest) < TO_LINE_ROOM ? TO_LINE_ROOM - strlen(rest) : 0;
	const char *p = to;

	while (strlen(p) >= lim) {
		const char *q = p + lim;
		while (q > p && *q != ',')
			q--;
		if (q == p)
			break;
		sm_log(level, LOG_INFO, "to=%.*s [more]%s", (int)(q + 1 - p), p, rest);
		p = q + 1;
	}
	sm_log(level, LOG_INFO, "to=%.*s%s", (int)lim, p, rest);
}

void deliver_log_ctl(const envelope_t *e, const char *to, const char *ctladdr,
		     const char *mailer, const attempt_t *a, time_t now)
{
	buf_t b = BUF_INIT(0);

	if (ctladdr != NULL)
		buf_printf(&b, ", ctladdr=%s", ctladdr);
	add_delay(&b, "delay", (long)(now - e->ctime));
	if (a->ran)
		add_delay(&b, "xdelay", (long)(now - a->start));
	buf_printf(&b, ", mailer=%s, pri=%ld", mailer, e->prio);
	if (a->relay != NULL)
		buf_printf(&b, ", relay=%s", a->relay);
	if (a->dsn != NULL)
		buf_printf(&b, ", dsn=%s", a->dsn);
	if (a->reply != NULL)
		buf_printf(&b, ", reply=%s", a->reply);
	buf_printf(&b, ", stat=%s", a->stat ? a->stat : "");
	log_pieces(level_of(a), to, buf_str(&b));
	buf_free(&b);
}
