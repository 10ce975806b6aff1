/* qrun.c - one queue run (sendmail -q, -qf, and the runs the daemon
 * starts): the directories QueueDirectory names, their entries selected
 * and sorted by queue_scan, each delivered under its lock. */
#include "smtpc/smtpc.h"
#include "qrun/qrun.h"
#include "deliver/deliver.h"
#include "log/log.h"
#include "lib/crashpoint.h"
#include "daemon/loadavg.h"
#include <limits.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

static int read_locked(int fd, envelope_t *e)
{
	buf_t err = BUF_INIT(0);
	int r = qf_read_fd(fd, e, &err);

	if (r != 0)
		sm_log(1, LOG_ERR, "SYSERR: readqf: %s", buf_str(&err));
	buf_free(&err);
	return r;
}

/* the exit status of the first permanent failure of the run (a queue
 * run exits with it, as the reference) */
static int run_failstat;

int qrun_entry(cf_t *cf, const char *qdir, const char *qid, size_t seq, size_t total,
	       const qrun_opts_t *o)
{
	deliver_opts_t d;
	envelope_t e;
	int fd = qf_open_locked(qdir, qid, true), r;

	if (fd < 0)
		return errno == EWOULDBLOCK ? 0 : -1;
	env_init(&e);
	if (read_locked(fd, &e) != 0) {
		close(fd);
		env_free(&e);
		return -1;
	}
	snprintf(e.qid, sizeof e.qid, "%s", qid);
	env_set_str(&e.qdir, qdir);
	e.msgsize = queue_df_size(qdir, &e, qid);
	crashpoint("qrun-locked");
	if (o->verbose && o->out != NULL)
		fprintf(o->out, "\nRunning %s/%s (sequence %zu of %zu)\n", qdir, qid, seq, total);
	memset(&d, 0, sizeof d);
	d.verbose = o->verbose;
	d.out = o->out;
	d.queue_run = true;
	d.failstat = &run_failstat;
	r = deliver_message(cf, &e, fd, &d);
	log_set_qid("");
	env_free(&e);
	return r;
}

/* MinQueueAge: an entry tried less than that long ago waits */
static bool too_young(cf_t *cf, const envelope_t *e, time_t now)
{
	long min = opt_num(&cf->opt, OPT_MinQueueAge);
	return min > 0 && e->last_try > 0 && now - e->last_try < min;
}

/* QueueLA: entries above the load's priority limit wait for a later run
 * (only where the order reads the control files, as the reference's);
 * they are not counted.  Returns the entries left at the front of v. */
static size_t la_filter(qentry_t *v, size_t n, const char *order, long limit)
{
	size_t i, k = 0;

	if (limit == LONG_MAX || strchr("pht", order[0]) == NULL)
		return n;
	for (i = 0; i < n; i++) {
		qentry_t t = v[k];
		if (v[i].env.prio > limit)
			continue;
		v[k] = v[i];
		v[i] = t;
		k++;
	}
	return k;
}

static void run_dir(cf_t *cf, const char *qdir, const qrun_opts_t *o, long limit)
{
	size_t n = 0, i, total;
	long max = opt_num(&cf->opt, OPT_MaxQueueRunSize);
	char order[2] = { (char)opt_num(&cf->opt, OPT_QueueSortOrder), '\0' };
	qentry_t *v = queue_scan(qdir, &o->sel, order, &n);
	time_t now = time(NULL);

	if (v == NULL) {
		sm_log(1, LOG_ERR, "SYSERR: can not chdir(%s): %s", qdir, strerror(errno));
		return;
	}
	total = la_filter(v, n, order[0] ? order : "p", limit);
	if (max > 0 && (size_t)max < total)
		total = (size_t)max;
	for (i = 0; i < total; i++) {
		if (v[i].locked || v[i].no_qf || v[i].bad || too_young(cf, &v[i].env, now))
			continue;
		qrun_entry(cf, qdir, v[i].qid, i + 1, total, o);
	}
	qentries_free(v, n);
	queue_clean_orphans(qdir, time(NULL));
}

int qrun_once(cf_t *cf, const qrun_opts_t *o)
{
	const char *spec = opt_str(&cf->opt, OPT_QueueDirectory);
	size_t n = 0, i;
	char **dirs;
	long limit = la_queue_limit(cf, la_current());

	/* a run that is itself too expensive for the load does not start */
	if (opt_num(&cf->opt, OPT_RecipientFactor) > limit) {
		if (o->verbose && o->out != NULL)
			fprintf(o->out, "Skipping queue run -- load average too high\n\n");
		sm_log_id(LL_DEFER, LOG_INFO, NULL, "runqueue: Skipping queue run -- load average too high");
		return EX_OK;
	}
	dirs = queue_dirs(spec && *spec ? spec : "/var/spool/mqueue", &n);
	for (i = 0; i < n; i++) {
		run_dir(cf, dirs[i], o, limit);
		free(dirs[i]);
	}
	free(dirs);
	smtpc_close_all();   /* the connections kept during the run: QUIT */
	if (o->out != NULL)
		fflush(o->out);
	i = (size_t)run_failstat;
	run_failstat = 0;
	return i != 0 ? (int)i : EX_OK;
}
