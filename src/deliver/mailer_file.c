/* mailer_file.c - the *file* mailer: appending the message to a file
 * named by an alias, :include: or .forward entry.  A child process takes
 * the controlling user's ids, opens the file for appending (created mode
 * 0600 when missing, never through a symbolic link, only a regular file
 * or /dev/null, not one with execute bits), locks it, writes the message
 * with its "From " line and ">From " escaping, fsyncs it; its exit
 * status is the result. */
#include "deliver/deliver_int.h"
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

static int sink_fd(void *arg, const char *s, size_t n)
{
	int fd = *(int *)arg;
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
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

static void file_child(dctx_t *d, drcpt_t *to, uid_t uid, gid_t gid, bool setids)
{
	int fd;

	/* the file is opened with the user's rights; the df is read as root */
	if (setids && (setgroups(1, &gid) != 0 || setegid(gid) != 0 || seteuid(uid) != 0))
		_exit(EX_TEMPFAIL);
	fd = open_target(to->a.user);
	if (fd < 0)
		_exit(EX_CANTCREAT);
	if (setids && (seteuid(0) != 0 || setegid(0) != 0))
		_exit(EX_TEMPFAIL);
	if (flock(fd, LOCK_EX) != 0)
		_exit(EX_TEMPFAIL);
	if (msg_write(d, to->a.mailer, to, sink_fd, &fd) < 0 || sink_fd(&fd, "\n", 1) < 0)
		_exit(EX_IOERR);
	if (fsync(fd) != 0 && errno != EINVAL)
		_exit(EX_IOERR);
	_exit(close(fd) == 0 ? EX_OK : EX_IOERR);
}

/* the file's delivery in a child with uid/gid (setids: switch to them) */
void file_write_as(dctx_t *d, drcpt_t *to, uid_t uid, gid_t gid, bool setids)
{
	int st = EX_OSERR, ws;
	pid_t pid;

	to->att.ran = true;
	to->att.start = time(NULL);
	fflush(NULL);
	pid = fork();
	if (pid == 0)
		file_child(d, to, uid, gid, setids);
	if (pid > 0) {
		while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
			;
		st = WIFEXITED(ws) ? WEXITSTATUS(ws) : EX_SOFTWARE;
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
