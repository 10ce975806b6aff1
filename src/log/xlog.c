/* xlog.c - the -X traffic transcript (see xlog.h). */
#include "log/xlog.h"
#include "lib/buf.h"
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define XLOG_LINE_MAX 65536

static int xfd = -1;
static buf_t pend = BUF_INIT(XLOG_LINE_MAX);

/* an existing file is appended to as it is; a new one is 0644 whatever
 * the umask, as the reference's */
static int open_append(const char *path)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY);

	if (fd >= 0 || errno != ENOENT)
		return fd;
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0644);
	if (fd >= 0 && fchmod(fd, 0644) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int xlog_open(const char *path)
{
	gid_t eg = getegid();
	uid_t eu = geteuid();
	int fd, err;

	/* the caller's own rights decide where it may write */
	if ((eg != getgid() && setegid(getgid()) != 0) || (eu != getuid() && seteuid(getuid()) != 0))
		return -1;
	fd = open_append(path);
	err = errno;
	if ((eu != geteuid() && seteuid(eu) != 0) || (eg != getegid() && setegid(eg) != 0)) {
		if (fd >= 0)
			close(fd);
		errno = EPERM;
		return -1;
	}
	if (fd < 0) {
		errno = err;
		return -1;
	}
	xfd = fd;
	return 0;
}

bool xlog_on(void)
{
	return xfd >= 0;
}

void xlog_line(const char *tag, const char *s, size_t n)
{
	buf_t b = BUF_INIT(XLOG_LINE_MAX + 64);

	if (xfd < 0)
		return;
	if (n > XLOG_LINE_MAX)
		n = XLOG_LINE_MAX;
	buf_printf(&b, "%05d %s ", (int)getpid(), tag);
	buf_add(&b, s, n);
	buf_addc(&b, '\n');
	/* a transcript that cannot be written (disk full) is given up rather
	 * than left with pieces missing; the mail goes on */
	if (!b.overflow && write(xfd, b.p, b.len) != (ssize_t)b.len) {
		close(xfd);
		xfd = -1;
	}
	buf_free(&b);
}

void xlog_out(const char *s, size_t n)
{
	if (xfd < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\n') {
			if (pend.len < XLOG_LINE_MAX)
				buf_addc(&pend, s[i]);
			continue;
		}
		if (pend.len > 0 && pend.p[pend.len - 1] == '\r')
			buf_truncate(&pend, pend.len - 1);
		xlog_line(">>>", pend.p ? pend.p : "", pend.len);
		buf_reset(&pend);
	}
}

void xlog_flush_out(void)
{
	if (pend.len > 0)
		xlog_line(">>>", pend.p, pend.len);
	buf_reset(&pend);
}

void xlog_in_text(const char *s, size_t n)
{
	size_t start = 0;

	if (xfd < 0)
		return;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n') {
			xlog_line("<<<", s + start, i - start);
			start = i + 1;
		}
	if (start < n)
		xlog_line("<<<", s + start, n - start);
	xlog_line("<<<", "[EOF]", 5);
}

static ssize_t out_write(void *cookie, const char *s, size_t n)
{
	size_t done = 0;

	(void)cookie;
	while (done < n) {
		ssize_t w = write(1, s + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return done > 0 ? (ssize_t)done : -1;
		done += (size_t)w;
	}
	xlog_out(s, n);
	return (ssize_t)n;
}

int xlog_wrap_stdout(void)
{
	cookie_io_functions_t io = { NULL, out_write, NULL, NULL };
	FILE *f;

	if (xfd < 0 || fflush(stdout) != 0)
		return -1;
	f = fopencookie(NULL, "w", io);
	if (f == NULL)
		return -1;
	/* a line at a time, so it comes before what a mailer run logs next */
	if (setvbuf(f, NULL, _IOLBF, 0) != 0) {
		fclose(f);
		return -1;
	}
	stdout = f;
	return 0;
}
