/* space.c - MinFreeBlocks: a message is not accepted when the queue's
 * file system would keep fewer free blocks than that after it, as the
 * reference checks (the log line is its "low on space" alert).  The
 * check needs MinFreeBlocks + the message's blocks (bytes rounded up to
 * the file system's block size) available; MinFreeBlocks 0 turns it off. */
#include "submit/submit.h"
#include "conf/options.h"
#include "log/log.h"
#include "queue/queue.h"
#include <sys/stat.h>
#include <sys/vfs.h>

/* the blocks the message's df already takes: they count as free, as
 * they were when the reference checks (before its df grows) */
static long df_blocks(const char *qdir, const char *qid, long bsize)
{
	buf_t p = BUF_INIT(4096);
	struct stat st;
	long n = 0;

	qf_path(&p, qdir, 'd', qid);
	if (!p.overflow && stat(buf_str(&p), &st) == 0)
		n = (long)((st.st_blocks * 512 + bsize - 1) / bsize);
	buf_free(&p);
	return n;
}

bool submit_space_ok(cf_t *cf, const char *qdir, long bytes, const char *who, const char *qid)
{
	long min = opt_num(&cf->opt, OPT_MinFreeBlocks), bsize, need, avail;
	struct statfs fs;

	if (min <= 0 || qdir == NULL || statfs(qdir, &fs) != 0 || fs.f_bsize <= 0)
		return true;
	if (bytes < 0)
		bytes = 0;
	bsize = (long)fs.f_bsize;
	need = min + bytes / bsize + (bytes % bsize != 0);
	avail = (long)fs.f_bavail + df_blocks(qdir, qid, bsize);
	if (avail >= need)
		return true;
	sm_log_id(LL_SERIOUS, LOG_ALERT, qid,
		  "low on space (%s needs %ld bytes + %ld blocks in %s), max avail: %ld", who, bytes,
		  min, qdir, avail);
	return false;
}
