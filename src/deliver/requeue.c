/* requeue.c - the control file after a delivery attempt: removed with
 * the df when no recipient remains (renamed Qf when a failure could be
 * reported to no one) (unless recipients just expired with no
 * failure report: e->keep_empty); otherwise written again (tf, fsync,
 * rename: a crash leaves the old qf or the new one) with the remaining
 * recipients, the attempt counted (N), its time (K), the last status (M)
 * and, after a queue run, the df's device and inode (I). */
#include "deliver/deliver_int.h"
#include "queue/queue.h"
#include "log/log.h"
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static void df_inode(envelope_t *e)
{
	buf_t p = BUF_INIT(4096);
	struct stat st;

	qf_path(&p, e->dfdir ? e->dfdir : e->qdir, 'd', e->qid);
	if (stat(buf_str(&p), &st) == 0) {
		e->have_inode = true;
		e->df_major = major(st.st_dev);
		e->df_minor = minor(st.st_dev);
		e->df_ino = (unsigned long)st.st_ino;
	}
	buf_free(&p);
}

/* neither the report nor the report about it reached anyone: the message
 * stays, renamed Qf, for the postmaster to find (the reference's words) */
static int lose(const envelope_t *e)
{
	const char *u = log_real_user();

	sm_log(LL_SERIOUS, LOG_ALERT, "Losing ./qf%s: savemail panic", e->qid);
	sm_log(LL_SERIOUS, LOG_CRIT, "SYSERR(%s): savemail: cannot save rejected email anywhere", u);
	if (queue_lose(e->qdir, e->qid) != 0) {
		sm_log(LL_SERIOUS, LOG_ERR, "SYSERR(%s): cannot rename qf%s to Qf: %s", u, e->qid,
		       strerror(errno));
		return -1;
	}
	return 0;
}

int deliver_requeue(cf_t *cf, envelope_t *e, int *lockfd, bool queue_run)
{
	rcpt_t *r;
	int left = 0, nfd = -1;

	(void)cf;
	for (r = e->rcpts; r != NULL; r = r->next)
		if (r->state == RS_QUEUED || r->state == RS_DEFERRED) {
			left++;
			if (queue_run)
				letter_set(&r->flags, RF_PRIMARY, true);
		}
	if (left == 0 && e->panic)
		return lose(e);
	if (left == 0 && !e->keep_empty) {
		if (queue_remove(e->qdir, e->qid) != 0)
			sm_log(1, LOG_ERR, "SYSERR: cannot remove queue files: %s", strerror(errno));
		return 0;
	}
	e->ntries++;
	e->last_try = time(NULL);
	if (queue_run)
		df_inode(e);
	if (qf_write(e, true, &nfd) != 0) {
		sm_log(1, LOG_ERR, "SYSERR: queueup: cannot write control file: %s", strerror(errno));
		return -1;
	}
	if (*lockfd >= 0)
		close(*lockfd);
	*lockfd = nfd;
	return 0;
}
