/* qchildren.c - MaxQueueChildren: the queue-runner children a daemon
 * (-q30m, and the SMTP daemon's periodic runs) has running, so that a new
 * run is not started while that many are still busy, as the reference
 * skips it (silently).  0 is no limit.  Children are noticed as gone
 * whoever reaps them (waitpid on the pid, ECHILD counts as gone). */
#include "qrun/qrun.h"
#include "conf/options.h"
#include <errno.h>
#include <sys/wait.h>

#define QRUN_MAX_TRACKED 256

static pid_t kids[QRUN_MAX_TRACKED];
static int nkids;

static bool gone(pid_t pid)
{
	pid_t r = waitpid(pid, NULL, WNOHANG);
	return r == pid || (r < 0 && errno == ECHILD);
}

int qrun_children(void)
{
	int i = 0;

	while (i < nkids) {
		if (gone(kids[i]))
			kids[i] = kids[--nkids];
		else
			i++;
	}
	return nkids;
}

bool qrun_may_fork(cf_t *cf)
{
	long max = opt_num(&cf->opt, OPT_MaxQueueChildren);
	int n = qrun_children();

	if (max > 0 && n >= max)
		return false;
	return n < QRUN_MAX_TRACKED;
}

void qrun_child_started(pid_t pid)
{
	if (pid > 0 && nkids < QRUN_MAX_TRACKED)
		kids[nkids++] = pid;
}
