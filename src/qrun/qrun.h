/* qrun.h - queue runs: every entry of the queue directories (or those
 * -qI/-qR/-qS select), in QueueSortOrder, each locked without waiting
 * (an entry another process holds is skipped), read again under the lock
 * and delivered; MinQueueAge and MaxQueueRunSize as the reference honours
 * them; -v prints "Running QF (sequence N of M)" before each. */
#ifndef SM_QRUN_H
#define SM_QRUN_H
#include "conf/cf.h"
#include "queue/queue.h"
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

typedef struct qrun_opts {
	qselect_t sel;       /* -qI/-qR/-qS selections */
	bool verbose;        /* -v */
	FILE *out;           /* where -v goes */
} qrun_opts_t;

/* one run over every queue directory; returns the exit status */
int qrun_once(cf_t *cf, const qrun_opts_t *o);

/* deliver one entry of qdir: lock it (skip when held), read, deliver,
 * requeue; seq/total for the -v line.  0 done or skipped, -1 error */
int qrun_entry(cf_t *cf, const char *qdir, const char *qid, size_t seq, size_t total,
	       const qrun_opts_t *o);

/* MaxQueueChildren (qchildren.c): may a daemon fork another runner now?
 * (0: no limit; at most 256 are tracked); note each child forked; the
 * count still running */
bool qrun_may_fork(cf_t *cf);
void qrun_child_started(pid_t pid);
int qrun_children(void);

/* -Q[reason]: quarantine the selected entries (an empty reason releases
 * the quarantined ones -qQ selects) */
int qrun_quarantine(cf_t *cf, const qrun_opts_t *o, const char *reason);

#endif
