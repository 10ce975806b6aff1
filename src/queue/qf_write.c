/* qf_write.c - committing a control file: tfID written (O_EXCL,
 * QueueFileMode, flock), fsynced after a df whose fsync was deferred
 * (qsync.c), renamed over qfID (or hfID), the directory fsynced; the
 * lock stays with the caller when asked. */
#include "queue/queue.h"
#include "lib/crashpoint.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* create tf exclusively; a tf left by a process that died (no lock held
 * on it) is removed and created again */
static int create_tf(const char *tf)
{
	for (int tries = 0; tries < 2; tries++) {
		int fd = open(tf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, queue_filemode());
		/* QueueFileMode exactly, whatever the umask (0660 in the MSP's
		 * queue, as the reference's files there) */
		if (fd >= 0 && fchmod(fd, queue_filemode()) != 0) {
			close(fd);
			unlink(tf);
			return -1;
		}
		if (fd >= 0) {
			if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
				crashpoint("tf-created");
				return fd;
			}
			close(fd);
			return -1;
		}
		if (errno != EEXIST)
			return -1;
		fd = open(tf, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return -1;
		if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
			close(fd);
			return -1;
		}
		unlink(tf);
		close(fd);
	}
	errno = EEXIST;
	return -1;
}

static int fsync_dir(const char *qdir)
{
	int fd = open(qdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int r;

	if (fd < 0)
		return -1;
	r = fsync(fd);
	close(fd);
	return r;
}

/* tf -> qf or hf; the other name of the message's control file goes */
static int commit(const envelope_t *e, const char *tf)
{
	buf_t to = BUF_INIT(4096), other = BUF_INIT(4096);
	bool quar = e->quarantine != NULL && *e->quarantine;
	int r;

	qf_path(&to, e->qdir, quar ? 'h' : 'q', e->qid);
	qf_path(&other, e->qdir, quar ? 'q' : 'h', e->qid);
	r = to.overflow || other.overflow ? (errno = ENAMETOOLONG, -1)
		: rename(tf, buf_str(&to));
	if (r == 0)
		crashpoint("qf-renamed");
	if (r == 0 && queue_file_exists(e->qdir, quar ? 'q' : 'h', e->qid) &&
	    unlink(buf_str(&other)) < 0 && errno != ENOENT)
		r = -1;
	buf_free(&to);
	buf_free(&other);
	return r;
}

static int write_tf(int fd, const envelope_t *e, bool sync)
{
	buf_t text = BUF_INIT(0);
	int r;

	qf_format(e, &text);
	if (text.overflow) {
		buf_free(&text);
		errno = EFBIG;
		return -1;
	}
	r = write_all(fd, text.p, text.len);
	crashpoint("tf-written");
	if (r == 0 && sync) {
		/* the tf's write-back started, then the deferred df's fsync
		 * (whose write-back ran meanwhile), then the tf's */
		qsync_start(fd);
		r = qsync_flush();
	}
	if (r == 0 && sync)
		r = fsync(fd);
	crashpoint("tf-synced");
	buf_free(&text);
	return r;
}

int qf_write(const envelope_t *e, bool sync, int *lockfd)
{
	buf_t tf = BUF_INIT(4096);
	int fd, err = 0;

	if (e->qdir == NULL || e->qid[0] == '\0') {
		errno = EINVAL;
		return -1;
	}
	qf_path(&tf, e->qdir, 't', e->qid);
	fd = tf.overflow ? (errno = ENAMETOOLONG, -1) : create_tf(buf_str(&tf));
	if (fd >= 0 && (write_tf(fd, e, sync) < 0 || commit(e, buf_str(&tf)) < 0)) {
		err = errno;
		unlink(buf_str(&tf));
		close(fd);
		fd = -1;
	} else if (fd < 0) {
		err = errno;
	}
	buf_free(&tf);
	if (fd >= 0 && sync && fsync_dir(e->qdir) < 0) {
		/* the new name may not survive a crash: not committed */
		err = errno;
		close(fd);
		fd = -1;
	}
	if (fd >= 0 && lockfd != NULL)
		*lockfd = fd;
	else if (fd >= 0)
		close(fd);
	errno = err;
	return fd >= 0 ? 0 : -1;
}
