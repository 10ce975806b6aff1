/* mailer_file.c - the *file* mailer: appending the message to a file
 * named by an alias, :include: or .forward entry.  The file is opened
 * with the controlling user's rights (created mode 0600 when missing,
 * never through a symbolic link, only a regular file or /dev/null, not
 * one with execute bits); then it is locked and the message written with
 * its "From " line and ">From " escaping, in large writes, unlocked, and
 * fsynced (the fsync outside the lock: concurrent deliveries to one
 * mailbox do not wait for each other's flushes; the status is the
 * fsync's, so success still means the message is on disk).
 *
 * Only the open needs the user's rights, so no child process is made for
 * it: the filesystem ids (setfsuid/setfsgid) and the groups take the
 * user's for the open and are put back at once, checked; the process's
 * real, effective and saved ids never change, so no other process of the
 * user can signal or trace it meanwhile.  A process whose ids cannot be
 * put back ends there (the queue file is untouched: tried again later). */
#include "deliver/deliver_int.h"
#include "log/log.h"
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#define FILE_WBUF 65536
#define FILE_MAXGROUPS 256

typedef struct fsink {
	int fd;
	size_t n;
	char b[FILE_WBUF];
} fsink_t;

static int fsink_flush(fsink_t *f)
{
	const char *s = f->b;
	size_t n = f->n;

	f->n = 0;
	while (n > 0) {
		ssize_t w = write(f->fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static int fsink_put(void *arg, const char *s, size_t n)
{
	fsink_t *f = arg;

	while (n > 0) {
		size_t k = sizeof f->b - f->n < n ? sizeof f->b - f->n : n;
		memcpy(f->b + f->n, s, k);
		f->n += k;
		s += k;
		n -= k;
		if (f->n == sizeof f->b && fsink_flush(f) < 0)
			return -1;
	}
	return 0;
}

static int open_target(const char *path)
{
	struct stat st;
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || (!S_ISREG(st.st_mode) && strcmp(path, "/dev/null") != 0) ||
	    (S_ISREG(st.st_mode) && (st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)))) {
		close(fd);
		errno = EPERM;
		return -1;
	}
	return fd;
}

/* our own filesystem ids and groups back; a process that cannot have
 * them back must not go on */
static void ids_restore(const gid_t *groups, int ng)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();

	setfsuid(uid);
	setfsgid(gid);
	if ((uid_t)setfsuid((uid_t)-1) != uid || (gid_t)setfsgid((gid_t)-1) != gid ||
	    setgroups((size_t)ng, groups) != 0) {
		sm_log(LL_SERIOUS, LOG_CRIT, "SYSERR: *file* delivery: cannot restore ids: %s",
		       strerror(errno));
		_exit(EX_OSERR);
	}
}

/* path opened with uid/gid's rights (setids) or ours; -1 and errno set
 * when it cannot be, EX_* in *why */
static int open_as(const char *path, uid_t uid, gid_t gid, bool setids, int *why)
{
	gid_t groups[FILE_MAXGROUPS];
	int ng = 0, fd, err;

	*why = EX_CANTCREAT;
	if (setids) {
		ng = getgroups(FILE_MAXGROUPS, groups);
		*why = EX_TEMPFAIL;
		if (ng < 0 || setgroups(1, &gid) != 0)
			return -1;
		setfsgid(gid);
		setfsuid(uid);
		if ((uid_t)setfsuid((uid_t)-1) != uid || (gid_t)setfsgid((gid_t)-1) != gid) {
			ids_restore(groups, ng);
			return -1;
		}
		*why = EX_CANTCREAT;
	}
	fd = open_target(path);
	err = errno;
	if (setids)
		ids_restore(groups, ng);
	errno = err;
	return fd;
}

/* the message appended to the open file: an EX_* status */
static int write_locked(dctx_t *d, drcpt_t *to, int fd)
{
	static fsink_t f;       /* 64 KB: not on the stack */
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	int st = EX_OK;

	if (flock(fd, LOCK_EX) != 0)
		return EX_TEMPFAIL;
	/* a file over RLIMIT_FSIZE is a failed write here, not a signal */
	sigaction(SIGXFSZ, &ign, &old);
	f.fd = fd;
	f.n = 0;
	if (msg_write(d, to->a.mailer, to, fsink_put, &f) < 0 || fsink_put(&f, "\n", 1) < 0 ||
	    fsink_flush(&f) < 0)
		st = EX_IOERR;
	sigaction(SIGXFSZ, &old, NULL);
	/* the message is whole in the file: other writers may go on while
	 * it is made durable (holding the lock through the fsync made every
	 * concurrent delivery to one mailbox queue behind each flush) */
	flock(fd, LOCK_UN);
	if (st == EX_OK && fsync(fd) != 0 && errno != EINVAL)
		st = EX_IOERR;
	return st;
}

/* the file's delivery with uid/gid's rights (setids false: ours) */
void file_write_as(dctx_t *d, drcpt_t *to, uid_t uid, gid_t gid, bool setids)
{
	int st, fd;

	to->att.ran = true;
	to->att.start = time(NULL);
	fd = open_as(to->a.user, uid, gid, setids, &st);
	if (fd >= 0) {
		st = write_locked(d, to, fd);
		if (close(fd) != 0 && st == EX_OK)
			st = EX_IOERR;
	}
	attempt_set_exit(&to->att, st, NULL);
}

void deliver_file(dctx_t *d, drcpt_t *to)
{
	uid_t duid = (uid_t)opt_num(&d->cf->opt, OPT_DefaultUser);
	gid_t dgid = (gid_t)opt_num(&d->cf->opt, OPT_DefaultGroup);
	uid_t uid = duid;
	gid_t gid = dgid;

	if (to->have_ctl && to->ctl.uid != 0 && !(to->ctl.uid == duid && to->ctl.gid == 0)) {
		uid = to->ctl.uid;
		gid = to->ctl.gid;
	}
	file_write_as(d, to, uid, gid, geteuid() == 0);
}
