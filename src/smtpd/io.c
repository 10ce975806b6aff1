/* io.c - the wire side of a session: command lines read in bounded
 * pieces (a longer line is cut at SMTPD_MAXLINE, the rest dropped) and
 * replies written with CRLF, high bits stripped as the reference does.
 * A command line over 2048 bytes ends the session (421), as the
 * reference's does.  On a daemon connection reads time out after Timeout.command (between
 * commands) or Timeout.datablock (in DATA); a command read that times
 * out ends the session with the reference's log line. */
#include "smtpd/smtpd_int.h"
#include "log/log.h"
#include "log/xlog.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

void smtp_reply(session_t *s, bool last, int code, const char *dsn, const char *fmt, ...)
{
	buf_t b = BUF_INIT(SMTPD_MAXLINE + 256);
	va_list ap;

	buf_printf(&b, "%03d%c", code, last ? ' ' : '-');
	if (dsn != NULL && *dsn)
		buf_printf(&b, "%s ", dsn);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.p[i] & 0x7f;
		if (c == '\r' || c == '\n')
			c = ' ';
		putc_unlocked(c, s->out);
	}
	fputs("\r\n", s->out);
	xlog_line(">>>", b.p, b.len);
	buf_free(&b);
	if (last)
		smtp_flush(s);
}

void smtp_flush(session_t *s)
{
	fflush(s->out);
}

/* a command line longer than SMTPD_CMDLINE bytes (its LF counted) is an
 * attack as the reference sees it: at most SMTPD_CMDREAD bytes of it are
 * read, the client is told 421 and the session ends */
static bool too_long(session_t *s, size_t n)
{
	session_log(s, LL_PROTO, LOG_INFO, "%s: SMTP violation, input too long: %zu",
		    buf_str(&s->relay), n);
	smtp_reply(s, true, 421, "4.7.0", "%s Command too long, possible attack %s",
		   mac_get(&s->cf->mac, 'j'), buf_str(&s->relay));
	s->quit = true;
	return false;
}

bool smtp_getline(session_t *s)
{
	int c = EOF;
	size_t n = 0;

	buf_reset(&s->line);
	while (n < SMTPD_CMDREAD && (c = getc_unlocked(s->in)) != EOF) {
		n++;
		if (c == '\n')
			break;
		if (s->line.len < SMTPD_MAXLINE)
			buf_addc(&s->line, c);
	}
	if (n == 0) {
		/* a daemon connection's socket times out (SO_RCVTIMEO) */
		if (ferror(s->in) && (errno == EAGAIN || errno == EWOULDBLOCK))
			session_log(s, LL_PROTO, LOG_NOTICE,
				    "timeout waiting for input from %s during server cmd read",
				    buf_str(&s->client_name));
		return false;
	}
	if (n > SMTPD_CMDLINE)
		return too_long(s, n);
	xlog_line("<<<", s->line.p, s->line.len);
	if (s->line.len > 0 && s->line.p[s->line.len - 1] == '\r')
		buf_truncate(&s->line, s->line.len - 1);
	return true;
}

void smtp_read_timeout(session_t *s, bool data)
{
	long secs = opt_num(&s->cf->opt, data ? OPT_Timeout_datablock : OPT_Timeout_command);
	struct timeval tv = { secs > 0 ? secs : 3600, 0 };

	if (s->o->daemon_name == NULL)
		return;            /* -bs: the reader's own business */
	if (setsockopt(fileno(s->in), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0)
		session_log(s, LL_SERIOUS, LOG_ERR, "cannot set the read timeout: %s",
			    strerror(errno));
}

void smtp_release_socket(session_t *s)
{
	int null = open("/dev/null", O_RDWR);

	if (null < 0)
		return;
	if (dup2(null, fileno(s->in)) < 0 || dup2(null, fileno(s->out)) < 0)
		session_log(s, LL_SERIOUS, LOG_ERR, "cannot release the connection: %s",
			    strerror(errno));
	close(null);
}

/* bytes the client sent that the session has not read yet: in the stdio
 * buffer or waiting on the descriptor */
static bool input_pending(session_t *s)
{
	struct pollfd p = { .fd = fileno(s->in), .events = POLLIN };

#ifdef __GLIBC__
	if (s->in->_IO_read_ptr < s->in->_IO_read_end)
		return true;
#endif
	return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

/* a whole command line from the client within wait_ms: LINE_READY
 * (smtp_getline will not block), LINE_EOF (the client hung up), LINE_NONE
 * (nothing, or only part of a line, in time).  Looks without reading. */
line_wait_t smtp_line_wait(session_t *s, int wait_ms)
{
	struct pollfd p = { .fd = fileno(s->in), .events = POLLIN };
	char peek[SMTPD_CMDLINE];
	ssize_t n;

#ifdef __GLIBC__
	if (s->in->_IO_read_ptr < s->in->_IO_read_end)
		return memchr(s->in->_IO_read_ptr, '\n',
			      (size_t)(s->in->_IO_read_end - s->in->_IO_read_ptr)) != NULL ?
		       LINE_READY : LINE_NONE;
#else
	return LINE_NONE;
#endif
	if (poll(&p, 1, wait_ms) != 1 || !(p.revents & (POLLIN | POLLHUP)))
		return LINE_NONE;
	n = recv(p.fd, peek, sizeof peek, MSG_PEEK | MSG_DONTWAIT);
	if (n == 0)
		return LINE_EOF;
	return n > 0 && memchr(peek, '\n', (size_t)n) != NULL ? LINE_READY : LINE_NONE;
}

/* HELO, EHLO and DATA must be answered before the client goes on (the
 * CVE-2023-51765 defence, as the reference does it): a client that sent
 * more is told 554 and the reference's line is logged.  True then. */
bool smtp_traffic_before_reply(session_t *s, const char *cmd)
{
	if (!input_pending(s))
		return false;
	session_log(s, LL_MINOR, LOG_INFO,
		    "rejecting server %s from %s [%s] due to traffic before response", cmd,
		    s->client_name.len ? buf_str(&s->client_name) : "localhost",
		    s->client_addr.len ? buf_str(&s->client_addr) : "0");
	smtp_reply(s, true, 554, "5.5.0", "SMTP protocol error");
	return true;
}
