/* pidfile.c - the daemon's pid file: the pid and the command line, locked
 * for the daemon's life so a second daemon (or an init script) can tell
 * it is taken. */
#include "daemon/daemon.h"
#include "lib/buf.h"
#include "log/log.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static int pid_fd = -1;   /* kept open: the lock lives with it */
static char pid_path[4096];

static void command_line(buf_t *b, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		if (i > 0)
			buf_addc(b, ' ');
		buf_adds(b, argv[i]);
	}
}

int pidfile_write(const char *path, int argc, char **argv)
{
	buf_t b = BUF_INIT(8192);
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	int rc = -1;

	if (fd < 0) {
		sm_log_id(LL_SERIOUS, LOG_ERR, NULL, "unable to write pid to %s: %s", path,
			  strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		sm_log_id(LL_SERIOUS, LOG_ERR, NULL,
			  "unable to write pid to %s: file in use by another process", path);
		close(fd);
		return -1;
	}
	buf_printf(&b, "%ld\n", (long)getpid());
	command_line(&b, argc, argv);
	buf_addc(&b, '\n');
	if (ftruncate(fd, 0) == 0 && write(fd, b.p, b.len) == (ssize_t)b.len) {
		if (pid_fd >= 0)
			close(pid_fd);
		pid_fd = fd;
		snprintf(pid_path, sizeof pid_path, "%s", path);
		rc = 0;
	} else {
		sm_log_id(LL_SERIOUS, LOG_ERR, NULL, "unable to write pid to %s: %s", path,
			  strerror(errno));
		close(fd);
	}
	buf_free(&b);
	return rc;
}

void pidfile_release(void)
{
	if (pid_fd >= 0)
		close(pid_fd);
	pid_fd = -1;
}

void pidfile_remove(void)
{
	if (pid_fd < 0)
		return;           /* not ours: another daemon holds it */
	if (unlink(pid_path) != 0 && errno != ENOENT)
		sm_log_id(LL_SERIOUS, LOG_ERR, NULL, "unable to remove pid file %s: %s", pid_path,
			  strerror(errno));
	pidfile_release();
}
