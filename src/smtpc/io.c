/* io.c - the client's side of a connection: non-blocking socket (or TLS
 * on it), every read and write bounded by a deadline, lines read into a
 * bounded buffer (longer lines are cut, the rest of the line dropped). */
#include "log/xlog.h"
#include "smtpc/smtpc_int.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void sconn_init(sconn_t *c, int fd, FILE *verbose)
{
	memset(c, 0, sizeof *c);
	c->fd = fd;
	c->verbose = verbose;
	if (fd >= 0) {
		int fl = fcntl(fd, F_GETFL);
		if (fl >= 0)
			(void)fcntl(fd, F_SETFL, fl | O_NONBLOCK);
	}
}

void sconn_close(sconn_t *c)
{
	if (c->ssl != NULL) {
		(void)SSL_shutdown(c->ssl);
		SSL_free(c->ssl);
		c->ssl = NULL;
	}
	if (c->ctx != NULL) {
		SSL_CTX_free(c->ctx);
		c->ctx = NULL;
	}
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

/* wait until fd is ready for ev or the deadline passes */
static int wait_fd(sconn_t *c, short ev, time_t deadline)
{
	for (;;) {
		struct pollfd p = { .fd = c->fd, .events = ev };
		time_t now = time(NULL);
		int r, ms;

		if (now >= deadline) {
			c->timedout = true;
			c->err = ETIMEDOUT;
			return -1;
		}
		ms = (int)((deadline - now) > 3600 ? 3600000 : (deadline - now) * 1000);
		r = poll(&p, 1, ms);
		if (r > 0)
			return 0;
		if (r < 0 && errno != EINTR) {
			c->err = errno;
			return -1;
		}
	}
}

/* one read or write attempt; >0 bytes, 0 EOF, -1 error, -2 wait (ev) */
static ssize_t xfer(sconn_t *c, bool wr, void *p, size_t n, short *ev)
{
	ssize_t r;

	if (c->ssl != NULL) {
		int k = wr ? SSL_write(c->ssl, p, (int)n) : SSL_read(c->ssl, p, (int)n);
		if (k > 0)
			return k;
		switch (SSL_get_error(c->ssl, k)) {
		case SSL_ERROR_WANT_READ: *ev = POLLIN; return -2;
		case SSL_ERROR_WANT_WRITE: *ev = POLLOUT; return -2;
		case SSL_ERROR_ZERO_RETURN: return 0;
		default: c->err = errno ? errno : ECONNRESET; return -1;
		}
	}
	r = wr ? write(c->fd, p, n) : read(c->fd, p, n);
	if (r >= 0)
		return r;
	if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
		*ev = wr ? POLLOUT : POLLIN;
		return -2;
	}
	c->err = errno;
	return -1;
}

int sconn_write(sconn_t *c, const char *s, size_t n, long timeout)
{
	time_t deadline = time(NULL) + (timeout > 0 ? timeout : 3600);

	xlog_out(s, n);      /* -X: everything sent, line by line */
	while (n > 0) {
		short ev = POLLOUT;
		ssize_t r = xfer(c, true, (void *)s, n, &ev);
		if (r == -2) {
			if (wait_fd(c, ev, deadline) < 0)
				return -1;
			continue;
		}
		if (r <= 0) {
			if (r == 0)
				c->err = EPIPE;
			return -1;
		}
		s += r;
		n -= (size_t)r;
	}
	return 0;
}

static int fill(sconn_t *c, time_t deadline)
{
	for (;;) {
		short ev = POLLIN;
		ssize_t r = xfer(c, false, c->rbuf, sizeof c->rbuf, &ev);
		if (r > 0) {
			c->rpos = 0;
			c->rlen = (size_t)r;
			return 0;
		}
		if (r == 0) {
			c->eof = true;
			return -1;
		}
		if (r == -1 || wait_fd(c, ev, deadline) < 0)
			return -1;
	}
}

int sconn_readline(sconn_t *c, buf_t *out, long timeout)
{
	time_t deadline = time(NULL) + (timeout > 0 ? timeout : 3600);

	buf_reset(out);
	c->overflow = false;
	for (;;) {
		char *nl;
		size_t n;

		if (c->rpos >= c->rlen && fill(c, deadline) < 0)
			return -1;
		nl = memchr(c->rbuf + c->rpos, '\n', c->rlen - c->rpos);
		n = nl != NULL ? (size_t)(nl - (c->rbuf + c->rpos)) : c->rlen - c->rpos;
		if (out->len + n > SMTPC_LINE_MAX) {
			c->overflow = true;
			if (out->len < SMTPC_LINE_MAX)
				buf_add(out, c->rbuf + c->rpos, SMTPC_LINE_MAX - out->len);
		} else {
			buf_add(out, c->rbuf + c->rpos, n);
		}
		c->rpos += n + (nl != NULL);
		if (nl != NULL)
			break;
	}
	xlog_line("<<<", out->p ? out->p : "", out->len);   /* -X: as read, CR and all */
	if (out->len > 0 && out->p[out->len - 1] == '\r')
		buf_truncate(out, out->len - 1);
	return 0;
}

int sconn_cmd(ssess_t *s, const char *line, long timeout, bool show)
{
	buf_t b = BUF_INIT(0);
	int r;

	if (show)
		sverbose(s, ">>> %s", line);
	buf_printf(&b, "%s\r\n", line);
	r = sconn_write(&s->c, b.p, b.len, timeout);
	buf_set(&s->lastcmd, line);
	buf_free(&b);
	return r;
}
