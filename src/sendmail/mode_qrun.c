/* mode_qrun.c - sendmail -q: one queue run in the foreground (-q, -qf,
 * with -qI/-qR/-qS selections and -v progress), or a queue-runner daemon:
 * -q30m (detached; a child runs the queue every interval) and -qp[time]
 * (a persistent runner: one child loops over the queue, sleeping the
 * interval between runs, restarted by its parent if it dies). */
#include "sendmail/init.h"
#include "sendmail/modes.h"
#include "conf/options.h"
#include "daemon/daemon.h"
#include "qrun/qrun.h"
#include "log/log.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

static void run_opts(const sm_args_t *a, qrun_opts_t *o)
{
	memset(o, 0, sizeof *o);
	o->verbose = a->verbose;
	o->out = stdout;
	o->sel = a->qsel;
}

/* "00:30:00" as the reference prints intervals */
void sm_hms(long secs, char out[32])
{
	snprintf(out, 32, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
}

/* sleep up to secs, waking for signals; false when asked to stop */
static bool nap(long secs)
{
	struct timespec ts = { secs, 0 };
	while (!daemon_stop && !daemon_restart && nanosleep(&ts, &ts) != 0 && errno == EINTR)
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
	return !daemon_stop;
}

static void reap(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	daemon_child = 0;
}

/* SIGHUP: run again from the start with the same command line */
void sm_reexec(void)
{
	const char *path = sm_argv[0][0] == '/' ? sm_argv[0] : "/proc/self/exe";
	sm_log_id(0, LOG_INFO, NULL, "restarting %s due to signal", path);
	execv(path, sm_argv);
	sm_log_id(LL_SERIOUS, LOG_ALERT, NULL, "could not exec %s: %s", path, strerror(errno));
}

static const char *first_qdir(const cf_t *cf)
{
	const char *d = opt_str(&cf->opt, OPT_QueueDirectory);
	return d != NULL && *d ? d : "/var/spool/mqueue";
}

/* one run in a child process, as the reference forks per run; its pid,
 * or -1 when fork failed (the next interval tries again) */
static pid_t run_in_child(cf_t *cf, const qrun_opts_t *o, const char *qdir)
{
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	pidfile_release();
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	proctitle_set("sendmail: running queue: %s", qdir);
	_exit(qrun_once(cf, o));
}

static void become_daemon(cf_t *cf, const char *what, long interval)
{
	char t[32];

	sm_hms(interval, t);
	daemon_signals();
	if (daemon_detach() < 0)
		sm_log_id(LL_SERIOUS, LOG_ERR, NULL, "daemon: cannot detach: %s", strerror(errno));
	proctitle_init(sm_argc, sm_orig_argv);
	sm_log_id(0, LOG_INFO, NULL, "starting daemon (%s): %s@%s", SM_VERSION, what, t);
	pidfile_write(opt_str(&cf->opt, OPT_PidFile), sm_argc, sm_argv);
}

/* the daemon's periodic run (-bd -q30m), in its child */
int sm_qrun_here(cf_t *cf, const sm_args_t *a)
{
	qrun_opts_t o;

	run_opts(a, &o);
	proctitle_set("sendmail: running queue: %s", first_qdir(cf));
	return qrun_once(cf, &o);
}

/* -q30m: a run every interval */
static int periodic(cf_t *cf, const qrun_opts_t *o, long interval)
{
	char t[32];
	const char *qdir = first_qdir(cf);

	become_daemon(cf, "queueing", interval);
	sm_hms(interval, t);
	proctitle_set("sendmail: Queue runner@%s for %s", t, qdir);
	do {
		if (daemon_restart)
			sm_reexec();
		reap();
		/* MaxQueueChildren still busy: this interval's run is skipped */
		if (qrun_may_fork(cf))
			qrun_child_started(run_in_child(cf, o, qdir));
	} while (nap(interval));
	pidfile_remove();
	return EX_OK;
}

/* -qp: one child runs the queue over and over; it is started again if
 * it dies */
static int persistent(cf_t *cf, const qrun_opts_t *o, long interval)
{
	const char *qdir = first_qdir(cf);
	pid_t child = -1;

	become_daemon(cf, "persistent-queueing", interval);
	proctitle_set("sendmail: Queue control");
	while (!daemon_stop) {
		if (daemon_restart)
			sm_reexec();
		if (child <= 0 || waitpid(child, NULL, WNOHANG) == child) {
			child = fork();
			if (child == 0) {
				pidfile_release();
				signal(SIGTERM, SIG_DFL);
				proctitle_set("sendmail: running queue: %s", qdir);
				for (;;) {
					qrun_once(cf, o);
					sleep((unsigned)interval);
				}
			}
		}
		nap(interval > 5 ? interval : 5);
	}
	if (child > 0)
		kill(child, SIGTERM);
	pidfile_remove();
	return EX_OK;
}

/* the -q argument: "" or "f" one run; a time a daemon; "p[time]" persistent */
int sm_mode_qrun(cf_t *cf, sm_args_t *a)
{
	const char *q = a->qarg != NULL ? a->qarg : "";
	qrun_opts_t o;
	int rc;

	run_opts(a, &o);
	log_setup(a->logtag != NULL ? a->logtag : "sendmail",
		  (int)opt_num(&cf->opt, OPT_LogLevel), opt_str(&cf->opt, OPT_LogTarget));
	if (a->quarantine != NULL)
		rc = qrun_quarantine(cf, &o, a->quarantine);
	else if (*q == 'p')
		rc = persistent(cf, &o, q[1] ? opt_convtime(q + 1, 'm') : 1);
	else if (*q >= '0' && *q <= '9' && opt_convtime(q, 'm') > 0)
		rc = periodic(cf, &o, opt_convtime(q, 'm'));
	else
		rc = qrun_once(cf, &o);
	qselect_free(&a->qsel);
	return rc;
}
