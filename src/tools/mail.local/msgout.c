/* msgout.c - writing a spooled message (msg.c) to an open mailbox: the
 * From_ line and headers from memory, the body copied from the spool
 * file, the closing blank line.  Returns 0 or the errno of the first
 * failed write; the caller truncates the mailbox back. */
#include "mail_local.h"
#include <errno.h>
#include <unistd.h>

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? errno : EIO;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static int copy_body(const struct ml_msg *m, int fd)
{
	char blk[65536];
	off_t off = 0;

	while (off < m->body_len) {
		ssize_t r = pread(m->body_fd, blk, sizeof blk, off);
		int e;

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r < 0 ? errno : EIO;
		if ((e = write_all(fd, blk, (size_t)r)) != 0)
			return e;
		off += r;
	}
	return 0;
}

int msg_write(const struct ml_msg *m, int fd)
{
	int e = write_all(fd, m->head.p, m->head.len);

	if (e == 0)
		e = copy_body(m, fd);
	if (e == 0)
		e = write_all(fd, "\n", 1);
	if (e == 0 && fsync(fd) < 0)
		e = errno;
	return e;
}
