/* map_log.c - syslog lines from map classes: ident "sendmail", the pid,
 * facility mail, and the reference's "QUEUEID: " prefix.  Outside a
 * delivery the reference still tags lines with an envelope id made up
 * once per process; ours has the same shape (8 characters of time and
 * sequence, 6 digits of pid). */
#include "maps/map_log.h"
#include "lib/buf.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static const char qchars[] =
	"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx";

static const char *map_log_qid(void)
{
	static char id[16];
	time_t t;
	struct tm tm;

	if (id[0])
		return id;
	t = time(NULL);
	if (localtime_r(&t, &tm) == NULL)
		return "NOQUEUE";
	snprintf(id, sizeof id, "%c%c%c%c%02d%02d%06ld",
		 qchars[tm.tm_year % 60], qchars[tm.tm_mon], qchars[tm.tm_mday],
		 qchars[tm.tm_hour], tm.tm_min, tm.tm_sec, (long)getpid() % 1000000);
	return id;
}

void map_log(int prio, const char *fmt, ...)
{
	static bool opened;
	buf_t b = BUF_INIT(8192);
	va_list ap;

	if (!opened) {
		openlog("sendmail", LOG_PID, LOG_MAIL);
		opened = true;
	}
	va_start(ap, fmt);
	(void)buf_vprintf(&b, fmt, ap);
	va_end(ap);
	syslog(prio, "%s: %s", map_log_qid(), buf_str(&b));
	buf_free(&b);
}

/* the same without the envelope id, for lines about the configuration */
void map_log_noid(int prio, const char *fmt, ...)
{
	buf_t b = BUF_INIT(8192);
	va_list ap;

	va_start(ap, fmt);
	(void)buf_vprintf(&b, fmt, ap);
	va_end(ap);
	openlog("sendmail", LOG_PID, LOG_MAIL);
	syslog(prio, "%s", buf_str(&b));
	buf_free(&b);
}
