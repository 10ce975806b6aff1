/* qorphan.c - files a dead process left in a queue directory: a df whose
 * qf was never committed (the submitter was killed before the rename, so
 * the message was never acknowledged) or whose qf was already removed
 * (the deliverer was killed between the two unlinks), and a tf that was
 * never renamed.  Such a file is removed when nobody holds its lock and
 * it has not been written for ORPHAN_AGE seconds; the age keeps a file
 * of a process that does not hold the lock while it works (the
 * reference's submitter closes its df before it writes the qf) safe.
 * The reference leaves these files for ever (doc/differences.md). */
#include "queue/queue.h"
#include "log/log.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static bool exists(const char *qdir, int type, const char *qid)
{
	buf_t p = BUF_INIT(4096);
	struct stat st;
	bool r;

	qf_path(&p, qdir, type, qid);
	/* a name too long to check is treated as present: nothing is removed */
	r = p.overflow || lstat(buf_str(&p), &st) == 0 || errno != ENOENT;
	buf_free(&p);
	return r;
}

/* the message still has (or may get) a control file */
static bool has_control(const char *qdir, const char *qid)
{
	return exists(qdir, 'q', qid) || exists(qdir, 'h', qid) || exists(qdir, 'Q', qid);
}

/* remove qdir's file of this type for qid when it is an orphan */
static bool remove_orphan(const char *qdir, int type, const char *qid, time_t now)
{
	buf_t p = BUF_INIT(4096);
	struct stat st;
	bool removed = false;
	int fd;

	qf_path(&p, qdir, type, qid);
	fd = p.overflow ? -1 : open(buf_str(&p), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		goto out;
	/* the lock first, then the checks: a submitter holding the df's lock
	 * until its qf exists is never taken for dead */
	if (flock(fd, LOCK_EX | LOCK_NB) == 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    now - st.st_mtime >= ORPHAN_AGE && (type == 't' || !has_control(qdir, qid)) &&
	    unlink(buf_str(&p)) == 0) {
		removed = true;
		sm_log_id(LL_MINOR, LOG_NOTICE, qid, "removed orphaned %cf file (no control file)", type);
	}
	close(fd);
out:
	buf_free(&p);
	return removed;
}

static size_t clean_dir(const char *qdir, int type, time_t now)
{
	buf_t p = BUF_INIT(4096);
	struct dirent *de;
	size_t n = 0;
	DIR *d;

	qf_path(&p, qdir, type, "");
	buf_truncate(&p, (size_t)(strrchr(buf_str(&p), '/') - p.p));
	d = p.overflow ? NULL : opendir(buf_str(&p));
	buf_free(&p);
	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		const char *id = de->d_name + 2;
		size_t len = strlen(id);
		if (de->d_name[0] != type || de->d_name[1] != 'f' || len == 0 || len >= 32 ||
		    strspn(id, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") != len)
			continue;
		n += remove_orphan(qdir, type, id, now);
	}
	closedir(d);
	return n;
}

size_t queue_clean_orphans(const char *qdir, time_t now)
{
	/* tf files first: a df whose tf is gone is then an orphan too */
	size_t n = clean_dir(qdir, 't', now);
	return n + clean_dir(qdir, 'd', now);
}
