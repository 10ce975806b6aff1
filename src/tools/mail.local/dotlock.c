/* dotlock.c - the "user.lock" file next to a mailbox, for mail readers
 * that lock that way.  It is created exclusively and holds our pid.  A
 * lock held by someone else is retried 15 times, waiting 5, 10, ... 75
 * seconds (ten minutes in all, as the reference's liblockfile does); from
 * the second try on, a lock file older than five minutes is stale and is
 * removed.  Failure gives the exit code the reference reports: 75 when
 * the lock stayed busy, 69 when a stale lock could not be removed. */
#include "mail_local.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#define DOTLOCK_TRIES 16
#define DOTLOCK_STALE 300

static int try_create(const char *lock)
{
	char pid[32];
	int fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0644);
	int n;

	if (fd < 0)
		return -1;
	n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (write(fd, pid, (size_t)n) != n) {
		close(fd);
		unlink(lock);
		errno = EIO;
		return -1;
	}
	close(fd);
	return 0;
}

static bool stale(const char *lock)
{
	struct stat sb;

	return lstat(lock, &sb) == 0 && sb.st_mtime + DOTLOCK_STALE < time(NULL);
}

int dotlock_take(const char *path, buf_t *lock)
{
	int removed = 0;

	buf_reset(lock);
	buf_printf(lock, "%s.lock", path);
	for (int i = 0; i < DOTLOCK_TRIES; i++) {
		if (try_create(buf_str(lock)) == 0)
			return 0;
		if (errno != EEXIST)
			return EX_TEMPFAIL;
		if (i > 0 && stale(buf_str(lock))) {
			if (unlink(buf_str(lock)) < 0)
				return EX_UNAVAILABLE;
			if (++removed > DOTLOCK_TRIES)
				return EX_TEMPFAIL;
			i--;
			continue;
		}
		if (i + 1 < DOTLOCK_TRIES)
			sleep(5 * (unsigned)(i + 1));
	}
	return EX_TEMPFAIL;
}

void dotlock_drop(buf_t *lock)
{
	if (lock->len > 0)
		unlink(buf_str(lock));
	buf_free(lock);
}
