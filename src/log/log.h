/* log.h - the log: syslog facility mail as the reference writes it.
 *
 * Every line is "QUEUEID: text" (or "NOQUEUE: text" / plain text) under
 * the tag "sendmail" (the program's name) with the pid, facility mail.
 * LogLevel (option L) filters: a line is written when its level <= the
 * configured LogLevel; the level of each call site is the reference's.
 *
 * Instead of syslog the lines can go to a file or to stderr (containers
 * and tests need it; the reference cannot): the option LogTarget
 * (-O LogTarget=syslog|stderr|/path/to/file) or the environment variable
 * SENDMAIL_LOG_TARGET; file and stderr lines carry a timestamp, the
 * host name and the tag as a syslog daemon would write them. */
#ifndef SM_LOG_H
#define SM_LOG_H
#include <stdarg.h>
#include <syslog.h>

/* LogLevel of the line kinds (op.txt "Log Level") */
#define LL_SERIOUS  1    /* system failures, security */
#define LL_PROTO    2    /* lost connections, protocol failures */
#define LL_FAIL     3    /* other serious failures, malformed addresses */
#define LL_MINOR    4    /* minor failures, check_* rejections */
#define LL_STATS    5    /* message collection statistics (from=) */
#define LL_ERRMSG   6    /* error messages created (DSNs) */
#define LL_DFAIL    7    /* delivery failures */
#define LL_SENT     8    /* successful deliveries */
#define LL_DEFER    9    /* deferred (and queued) messages */

/* set the tag ("sendmail", "sm-mta", "mail.local"), the LogLevel and the
 * target ("syslog", "stderr", a file path; NULL keeps the default) */
void log_setup(const char *tag, int loglevel, const char *target);
int log_level(void);

/* the current queue id prefix ("" for none: NOQUEUE) */
void log_set_qid(const char *qid);

/* one line at syslog priority prio, when level <= LogLevel:
 * "QID: text" with the current queue id, "NOQUEUE: text" without */
void sm_log(int level, int prio, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* the same with an explicit id (NULL: no prefix at all) */
void sm_log_id(int level, int prio, const char *qid, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void sm_vlog_id(int level, int prio, const char *qid, const char *fmt, va_list ap);

/* the real user's login name as SYSERR(...) shows it ("root" when unknown);
 * a static buffer, overwritten by the next call */
const char *log_real_user(void);

#endif
