/* qsync.c - making a message's files durable together.  The df is
 * written first and its write-back started at once (sync_file_range), but
 * its fsync is deferred until the control file has been written and its
 * write-back started too; then both are fsynced, df first, before the
 * tf is renamed to qf.  The two files' data and inodes go to the disk in
 * one pass instead of two sequential flushes, and the order the crash
 * rules need is kept: nothing is renamed into place, and nothing
 * acknowledged, before the df and the tf are both on disk.
 *
 * A deferred descriptor belongs to this module: qsync_flush() fsyncs and
 * closes it, qsync_drop() closes it unsynced (the message was not
 * committed). */
#include "queue/queue.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#define QSYNC_MAX 4

static int pending[QSYNC_MAX];
static int npending;

void qsync_start(int fd)
{
	/* a hint: a failure here is found again by the fsync */
	(void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
}

int qsync_defer(int fd)
{
	int dup = fcntl(fd, F_DUPFD_CLOEXEC, 0);

	if (dup < 0)
		return fsync(fd);       /* no descriptor to keep: sync now */
	if (npending == QSYNC_MAX) {
		int r = qsync_flush();
		if (r != 0) {
			close(dup);
			return r;
		}
	}
	qsync_start(dup);
	pending[npending++] = dup;
	return 0;
}

int qsync_flush(void)
{
	int r = 0, err = 0;

	for (int i = 0; i < npending; i++) {
		if (r == 0 && fsync(pending[i]) != 0)
			r = -1, err = errno;
		close(pending[i]);
	}
	npending = 0;
	errno = err;
	return r;
}

void qsync_drop(void)
{
	for (int i = 0; i < npending; i++)
		close(pending[i]);
	npending = 0;
}
