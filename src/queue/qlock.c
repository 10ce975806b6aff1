/* qlock.c - opening a message's files under the reference's locks (flock:
 * exclusive while a process works on a message, shared for mailq's probe),
 * creating its df, removing a delivered message, keeping a lost one as Qf. */
#include "queue/queue.h"
#include "lib/crashpoint.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* Is the file open on fd still the one path names?  Between open() and
 * flock() another process may have finished with the message: removed
 * it (the lock is then on a file no longer in the queue, whose df is
 * gone) or renamed a new qf over it (the lock is on the old version). */
static bool still_linked(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && a.st_nlink > 0 && stat(path, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* open the file of this type and lock it without waiting; a file that
 * left the queue while the lock was being taken is ENOENT */
static int open_locked(const char *qdir, int type, const char *qid, int flags, int lock)
{
	buf_t path = BUF_INIT(4096);
	int fd, err = 0;

	qf_path(&path, qdir, type, qid);
	if (path.overflow) {
		buf_free(&path);
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = open(buf_str(&path), flags | O_CLOEXEC, queue_filemode());
	if (fd >= 0 && (flags & O_CREAT) && fchmod(fd, queue_filemode()) != 0)
		err = errno;        /* QueueFileMode exactly, whatever the umask */
	if (fd >= 0 && flock(fd, lock | LOCK_NB) < 0)
		err = errno == EAGAIN ? EWOULDBLOCK : errno;
	else if (fd >= 0 && !(flags & O_CREAT) && !still_linked(fd, buf_str(&path)))
		err = ENOENT;
	buf_free(&path);
	if (fd >= 0 && err != 0) {
		close(fd);
		errno = err;
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

/* a name looked up before an unlink that would mostly find nothing: the
 * lookup shares the directory, an unlink locks it against every other
 * session creating or removing files there */
bool queue_file_exists(const char *qdir, int type, const char *qid)
{
	buf_t path = BUF_INIT(4096);
	bool r;

	qf_path(&path, qdir, type, qid);
	r = path.overflow || faccessat(AT_FDCWD, buf_str(&path), F_OK, AT_EACCESS) == 0 ||
	    errno != ENOENT;
	buf_free(&path);
	return r;
}

int queue_unlink(const char *qdir, int type, const char *qid)
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
	int r = queue_unlink(qdir, 'q', qid);

	crashpoint("qf-removed");
	if (r == 0)
		r = queue_unlink(qdir, 'd', qid);
	if (r == 0 && queue_file_exists(qdir, 'x', qid))
		r = queue_unlink(qdir, 'x', qid);
	return r;
}

int queue_lose(const char *qdir, const char *qid)
{
	buf_t from = BUF_INIT(4096), to = BUF_INIT(4096);
	int r;

	qf_path(&from, qdir, 'q', qid);
	qf_path(&to, qdir, 'Q', qid);
	if (from.overflow || to.overflow) {
		errno = ENAMETOOLONG;
		r = -1;
	} else
		r = rename(buf_str(&from), buf_str(&to));
	buf_free(&from);
	buf_free(&to);
	return r;
}
