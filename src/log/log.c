/* log.c - log lines to syslog (facility mail), a file or stderr. */
#include "log/log.h"
#include "lib/pwcache.h"
#include "lib/buf.h"
#include "lib/str.h"
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum target { T_SYSLOG, T_STDERR, T_FILE };

static struct {
	char tag[64];
	int level;
	enum target target;
	char path[1024];
	bool opened;
	char qid[32];
} L = { "sendmail", 9, T_SYSLOG, "", false, "" };

static void set_target(const char *t)
{
	if (t == NULL || *t == '\0')
		return;
	if (strcmp(t, "syslog") == 0)
		L.target = T_SYSLOG;
	else if (strcmp(t, "stderr") == 0)
		L.target = T_STDERR;
	else {
		L.target = T_FILE;
		sm_strlcpy(L.path, t, sizeof L.path);
	}
}

void log_setup(const char *tag, int loglevel, const char *target)
{
	if (tag != NULL && *tag)
		sm_strlcpy(L.tag, tag, sizeof L.tag);
	L.level = loglevel;
	set_target(getenv("SENDMAIL_LOG_TARGET"));
	set_target(target);
	if (L.opened && L.target == T_SYSLOG) {
		closelog();
		L.opened = false;
	}
}

int log_level(void)
{
	return L.level;
}

void log_set_qid(const char *qid)
{
	sm_strlcpy(L.qid, qid != NULL ? qid : "", sizeof L.qid);
}

/* "Nov 21 23:43:06 host tag[pid]: " as a syslog daemon prefixes lines */
static void file_prefix(buf_t *b)
{
	char ts[32], host[256];
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(ts, sizeof ts, "%b %e %H:%M:%S", &tm);
	if (gethostname(host, sizeof host) != 0)
		sm_strlcpy(host, "localhost", sizeof host);
	host[sizeof host - 1] = '\0';
	buf_printf(b, "%s %s %s[%ld]: ", ts, host, L.tag, (long)getpid());
}

static void write_line(int prio, const char *text)
{
	buf_t b = BUF_INIT(8192);
	int fd;

	if (L.target == T_SYSLOG) {
		if (!L.opened) {
			openlog(L.tag, LOG_PID, LOG_MAIL);
			L.opened = true;
		}
		syslog(prio, "%s", text);
		return;
	}
	file_prefix(&b);
	buf_adds(&b, text);
	if (b.overflow)
		buf_truncate(&b, b.max - 1);
	buf_addc(&b, '\n');
	fd = L.target == T_STDERR ? 2
	     : open(L.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd >= 0) {
		ssize_t w = write(fd, b.p, b.len);   /* one write: lines never interleave */
		(void)w;
		if (fd != 2)
			close(fd);
	}
	buf_free(&b);
}

void sm_vlog_id(int level, int prio, const char *qid, const char *fmt, va_list ap)
{
	buf_t b = BUF_INIT(8192);
	int saved = errno;

	if (level > L.level)
		return;
	if (qid != NULL)
		buf_printf(&b, "%s: ", *qid ? qid : "NOQUEUE");
	buf_vprintf(&b, fmt, ap);
	write_line(prio, buf_str(&b));
	buf_free(&b);
	errno = saved;
}

void sm_log_id(int level, int prio, const char *qid, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sm_vlog_id(level, prio, qid, fmt, ap);
	va_end(ap);
}

void sm_log(int level, int prio, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sm_vlog_id(level, prio, L.qid, fmt, ap);
	va_end(ap);
}

const char *log_real_user(void)
{
	/* looked up once: RunAsUser may change the ids later; the invoking
	 * user stays the one SYSERR(...) and the sender name show */
	static char name[256];
	struct passwd *pw;

	if (name[0] == '\0') {
		pw = pwc_getpwuid(getuid());
		snprintf(name, sizeof name, "%s", pw != NULL ? pw->pw_name : "root");
	}
	return name;
}
