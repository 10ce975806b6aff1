/* mbox.c - delivering one spooled message into one user's mailbox.
 * As root: the mailbox is created if missing (mode 0600, owned by the
 * user and the user's group), and refused when it is not a regular file,
 * has more than one link or belongs to someone else.  Then, as the user
 * (effective uid), it is opened for appending (never through a symbolic
 * link), locked with fcntl and a dot lock, and the message is appended;
 * a failed write truncates the mailbox back to its size before. */
#include "mail_local.h"
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


/* create PATH for PW when it does not exist yet; 0 or -1 (reported) */
static int create_box(const char *path, const struct passwd *pw)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW, 0600);

	if (fd < 0 && errno == EEXIST)
		return 0;
	if (fd < 0) {
		mailerr("450 4.2.0", "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fchown(fd, pw->pw_uid, pw->pw_gid) < 0) {
		mailerr("450 4.2.0", "chown %u.%u: %s %s", (unsigned)pw->pw_uid,
			(unsigned)pw->pw_gid, strerror(errno), path);
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* the mailbox as it is before opening it; 0 or -1 (reported) */
static int check_box(const char *path, const struct passwd *pw, struct stat *sb)
{
	if (lstat(path, sb) < 0 && errno == ENOENT) {
		if (create_box(path, pw) < 0)
			return -1;
	}
	if (lstat(path, sb) < 0) {
		mailerr("450 4.2.0", "%s: %s", path, strerror(errno));
		return -1;
	}
	if (sb->st_nlink != 1) {
		mailerr("550 5.2.0", "%s: too many links", path);
		return -1;
	}
	if (!S_ISREG(sb->st_mode)) {
		mailerr("550 5.2.0", "%s: irregular file", path);
		return -1;
	}
	if (sb->st_uid != pw->pw_uid) {
		mailerr("550 5.2.0", "%s: wrong ownership (%d)", path, (int)sb->st_uid);
		return -1;
	}
	return 0;
}

/* open the checked mailbox for appending as the user; fd or -1 */
static int open_box(const char *path, const struct stat *sb)
{
	struct stat fsb;
	int fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK);

	if (fd < 0) {
		mailerr("550 5.2.0", "Append %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &fsb) < 0 || fsb.st_dev != sb->st_dev ||
	    fsb.st_ino != sb->st_ino || fsb.st_nlink != 1 || !S_ISREG(fsb.st_mode)) {
		mailerr("550 5.2.0", "%s: file changed after open", path);
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

int mbox_lock(int fd, short type)
{
	struct flock fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	while (fcntl(fd, F_SETLKW, &fl) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return 0;
}

static void write_failed(const char *path, int e)
{
	if (e == EDQUOT)
		mailerr(ml_opts.quota_perm ? "552 5.2.2" : "452 4.2.2",
			"Write %s: %s", path, strerror(e));
	else
		mailerr("450 4.2.0", "Write %s: %s", path, strerror(e));
}

/* append M to the open, locked mailbox FD; 0 or -1 (reported) */
int mbox_append(const struct ml_msg *m, int fd, const char *path, off_t *at)
{
	int e;

	*at = lseek(fd, 0, SEEK_END);
	if (*at < 0) {
		write_failed(path, errno);
		return -1;
	}
	e = m->fail != 0 ? m->fail : msg_write(m, fd);
	if (e == 0)
		return 0;
	if (ftruncate(fd, *at) < 0)
		mailerr("450 4.2.0", "Cannot truncate %s: %s", path, strerror(errno));
	write_failed(path, e);
	return -1;
}

/* check (creating it if need be) and open the mailbox PATH of PW; from
 * here on the effective uid is the user's (deliver() switches back) */
int mbox_check_open(const char *path, const struct passwd *pw)
{
	struct stat sb;

	if (check_box(path, pw, &sb) < 0)
		return -1;
	if (geteuid() == 0 && seteuid(pw->pw_uid) < 0) {
		mailerr("450 4.2.0", "seteuid %u: %s", (unsigned)pw->pw_uid, strerror(errno));
		return -1;
	}
	return open_box(path, &sb);
}
