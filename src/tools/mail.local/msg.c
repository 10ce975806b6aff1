/* msg.c - a message as mail.local stores it (Debian's build): the
 * "From sender date" line, the header lines (a first line that starts
 * with "From " gets a '>'; Content-Length: headers are dropped), a new
 * "Content-Length: N" header counting the body, the blank line, the body
 * unchanged, and one blank line at the end.  Line ends are LF; a CR
 * before the LF is dropped.  Without a blank line after the headers the
 * message is the headers and "Content-Length: 0" (an empty message read
 * from standard input gets an empty line before it, as in the
 * reference). */
#include "mail_local.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <stdlib.h>
#include <strings.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

static int open_tmp(void)
{
	char name[] = ML_TMPDIR "/local.XXXXXX";
	int fd = mkstemp(name);

	if (fd < 0) {
		mailerr("451 4.3.0", "Unable to open temporary file");
		exit(EX_TEMPFAIL);
	}
	unlink(name);
	return fd;
}

void msg_begin(struct ml_msg *m, const char *sender)
{
	char date[64];
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", &tm);
	buf_init(&m->head, BUF_DEFAULT_MAX);
	buf_printf(&m->head, "From %s %s\n", sender, date);
	m->body_fd = open_tmp();
	m->body_len = 0;
	buf_init(&m->pend, ML_PEND_MAX);
	m->saw_sep = false;
	m->first = true;
	m->fail = 0;
}

/* the pending body bytes to the spool file (a failure is kept in fail) */
static void body_flush(struct ml_msg *m)
{
	const char *s = m->pend.p;
	size_t n = m->pend.len;

	while (n > 0 && m->fail == 0) {
		ssize_t w = write(m->body_fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			m->fail = w < 0 ? errno : EIO;
			break;
		}
		s += w;
		n -= (size_t)w;
	}
	buf_reset(&m->pend);
}

/* body bytes, written in pieces of up to ML_PEND_MAX instead of a write
 * per line */
static void body_add(struct ml_msg *m, const char *s, size_t n)
{
	while (n > 0 && m->fail == 0) {
		size_t room = ML_PEND_MAX - m->pend.len, k = n < room ? n : room;

		buf_add(&m->pend, s, k);
		m->body_len += (off_t)k;
		s += k;
		n -= k;
		if (m->pend.len == ML_PEND_MAX)
			body_flush(m);
	}
}

/* one line of the message, without its line end */
void msg_line(struct ml_msg *m, const char *s, size_t n)
{
	bool first = m->first;

	m->first = false;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (m->saw_sep) {
		body_add(m, s, n);
		body_add(m, "\n", 1);
		return;
	}
	if (n == 0) {
		m->saw_sep = true;
		return;
	}
	if (n >= 15 && strncasecmp(s, "Content-Length:", 15) == 0)
		return;
	if (first && n >= 5 && memcmp(s, "From ", 5) == 0)
		buf_addc(&m->head, '>');
	buf_add(&m->head, s, n);
	buf_addc(&m->head, '\n');
	if (m->head.overflow)
		m->fail = EFBIG;
}

void msg_end(struct ml_msg *m)
{
	body_flush(m);
	if (m->first && !ml_opts.lmtp)
		buf_addc(&m->head, '\n');
	buf_printf(&m->head, "Content-Length: %lld\n%s", (long long)m->body_len,
		   m->saw_sep ? "\n" : "");
	if (m->head.overflow)
		m->fail = EFBIG;
}

void msg_free(struct ml_msg *m)
{
	buf_free(&m->head);
	buf_free(&m->pend);
	if (m->body_fd >= 0)
		close(m->body_fd);
	m->body_fd = -1;
}
