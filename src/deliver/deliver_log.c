/* deliver_log.c - the log line of one delivery attempt, field by field
 * as the reference writes it: to, ctladdr, delay, xdelay (when a mailer
 * ran), mailer, pri, relay, dsn, reply, stat; at LogLevel 8 for a
 * delivery, 9 for a deferral, 7 for a failure. */
#include "deliver/deliver_int.h"
#include "log/log.h"
#include <sysexits.h>

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

void deliver_log_ctl(const envelope_t *e, const char *to, const char *ctladdr,
		     const char *mailer, const attempt_t *a, time_t now)
{
	buf_t b = BUF_INIT(0);

	buf_printf(&b, "to=%s", to);
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
	sm_log(level_of(a), LOG_INFO, "%s", buf_str(&b));
	buf_free(&b);
}
