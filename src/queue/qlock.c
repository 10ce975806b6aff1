/* qlock.c - opening a message's files under the reference's locks (flock:
 * exclusive while a process works on a message, shared for mailq's probe),
 * creating its df, removing a delivered message. */
#include "queue/queue.h"
#include "lib/crashpoint.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

/* open the file of this type and lock it without waiting */
static int open_locked(const char *qdir, int type, const char *qid, int flags, int lock)
{
	buf_t path = BUF_INIT(4096);
	int fd, err;

	qf_path(&path, qdir, type, qid);
	if (path.overflow) {
		buf_free(&path);
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = open(buf_str(&path), flags | O_CLOEXEC, queue_filemode());
	buf_free(&path);
	if (fd < 0)
		return -1;
	if (flock(fd, lock | LOCK_NB) < 0) {
		err = errno;
		close(fd);
		errno = err == EAGAIN ? EWOULDBLOCK : err;
		return -1;
	}
	return fd;
}

int qf_open_locked(const char *qdir, const char *qid, bool write)
{
	return open_locked(qdir, 'q', qid, write ? O_RDWR : O_RDONLY,
			   write ? LOCK_EX : LOCK_SH);
}

int qf_open_locked_type(const char *qdir, int type, const char *qid, bool write)
{
	return open_locked(qdir, type, qid, write ? O_RDWR : O_RDONLY,
			   write ? LOCK_EX : LOCK_SH);
}

int df_create(const char *qdir, const char *qid)
{
	return open_locked(qdir, 'd', qid, O_RDWR | O_CREAT | O_EXCL, LOCK_EX);
}

static int unlink_type(const char *qdir, int type, const char *qid)
{
	buf_t path = BUF_INIT(4096);
	int r;

	qf_path(&path, qdir, type, qid);
	r = path.overflow ? (errno = ENAMETOOLONG, -1) : unlink(buf_str(&path));
	buf_free(&path);
	return r < 0 && errno == ENOENT ? 0 : r;
}

int queue_remove(const char *qdir, const char *qid)
{
	int r = unlink_type(qdir, 'q', qid);

	crashpoint("qf-removed");
	if (r == 0)
		r = unlink_type(qdir, 'd', qid);
	if (r == 0)
		r = unlink_type(qdir, 'x', qid);
	return r;
}
