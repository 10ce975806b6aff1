/* deliver.c - one recipient: look the user up, find the mailbox path
 * (ML_SPOOLDIR/user, or -h's file in the home directory), take the
 * locks, append (mbox.c), release, tell biff. */
#include "mail_local.h"
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int mbox_check_open(const char *path, const struct passwd *pw);
int mbox_append(const struct ml_msg *m, int fd, const char *path, off_t *at);
int mbox_lock(int fd, short type);
void biff_notify(const char *user, off_t offset, const char *path);

/* switch the effective uid; fails harmlessly when not run as root */
static void set_euid(uid_t u)
{
	if (geteuid() != u)
		(void)!seteuid(u);
}

static void box_path(const struct passwd *pw, buf_t *path)
{
	if (ml_opts.home_file != NULL)
		buf_printf(path, "%s/%s", pw->pw_dir, ml_opts.home_file);
	else
		buf_printf(path, "%s/%s", ML_SPOOLDIR, pw->pw_name);
}

/* the dot lock is taken with the program's own privileges (root), so
 * the mailbox directory needs no group write permission */
static int locked_append(const struct ml_msg *m, int fd, const char *path,
			 const char *user, off_t *at)
{
	buf_t lock = BUF_INIT(0);
	uid_t euid = geteuid();
	int rc;

	if (mbox_lock(fd, F_WRLCK) < 0) {
		mailerr("450 4.2.0", "lock %s: %s", path, strerror(errno));
		return -1;
	}
	set_euid(getuid());
	rc = dotlock_take(path, &lock);
	set_euid(euid);
	if (rc != 0) {
		mailerr(rc == 75 ? "450 4.2.0" : "550 5.2.0",
			"lockmailbox %s failed; error code %d ", user, rc);
		return -1;
	}
	rc = mbox_append(m, fd, path, at);
	set_euid(getuid());
	dotlock_drop(&lock);
	set_euid(euid);
	mbox_lock(fd, F_UNLCK);
	return rc;
}

int deliver(const struct ml_msg *m, const char *user)
{
	struct passwd *pw = getpwnam(user);
	buf_t path = BUF_INIT(0);
	off_t at = 0;
	int fd, rc = -1;

	if (pw == NULL) {
		mailerr("550 5.1.1", "%s: User unknown", user);
		return -1;
	}
	box_path(pw, &path);
	fd = mbox_check_open(buf_str(&path), pw);
	if (fd >= 0) {
		rc = locked_append(m, fd, buf_str(&path), user, &at);
		close(fd);
	}
	set_euid(getuid());
	if (rc == 0)
		biff_notify(user, at, buf_str(&path));
	buf_free(&path);
	return rc;
}
