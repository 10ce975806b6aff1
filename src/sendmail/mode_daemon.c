/* mode_daemon.c - sendmail -bd (detached) and -bD (foreground): listen on
 * every DaemonPortOptions socket, fork a child per connection that runs
 * the SMTP server (src/smtpd) on it, and with -q<time> fork a queue run
 * every interval.  MaxDaemonChildren closes the sockets while that many
 * children live, RefuseLA while the load average is that high (clients
 * are refused, as the reference's are); ConnectionRateThrottle and
 * DelayLA delay accepting.  Signals only set flags
 * (src/daemon): SIGHUP re-executes the command line, SIGTERM stops
 * accepting and exits (children finish their sessions), SIGCHLD reaps,
 * SIGUSR1 logs the state (src/daemon/statedump.c). */
#include "sendmail/init.h"
#include "sendmail/modes.h"
#include "conf/options.h"
#include "daemon/daemon.h"
#include "daemon/listen.h"
#include "daemon/loadavg.h"
#include "log/log.h"
#include "qrun/qrun.h"
#include "smtpd/smtpd.h"
#include "lib/pwcache.h"
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

typedef struct daemon_state {
	cf_t *cf;
	const sm_args_t *a;
	listener_t ls[MAX_LISTENERS];
	time_t retry[MAX_LISTENERS];   /* when a failed socket is tried again */
	int nls;
	int children;            /* live children: sessions and queue runs */
	long maxchildren;        /* MaxDaemonChildren, 0 no limit */
	bool refusing;           /* sockets closed for MaxDaemonChildren */
	long interval;           /* -q<time>, 0 none */
	time_t next_qrun;
	long throttle;           /* ConnectionRateThrottle */
	long delayla;            /* DelayLA, 0 none */
	time_t rate_sec;
	long rate_n;
} daemon_state_t;

static void reap(daemon_state_t *d)
{
	daemon_child = 0;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		if (d->children > 0)
			d->children--;
}

static void close_all(daemon_state_t *d)
{
	for (int i = 0; i < d->nls; i++)
		listener_close(&d->ls[i]);
}

/* open the sockets that are closed; one that cannot be opened (its
 * address still taken) is tried again after a few seconds */
static int open_all(daemon_state_t *d)
{
	int n = 0;
	time_t now = time(NULL);

	for (int i = 0; i < d->nls; i++) {
		if (d->ls[i].fd < 0 && now >= d->retry[i] && listener_open(&d->ls[i]) != 0)
			d->retry[i] = now + 5;
		if (d->ls[i].fd >= 0)
			n++;
	}
	return n;
}

/* the signal mask the daemon was started with: its loop keeps the flag
 * signals blocked except inside ppoll(), so a SIGTERM that comes between
 * the check of daemon_stop and the wait ends the wait at once */
static sigset_t run_mask;

/* a child's signals (the daemon's flag handlers are not for it, nor its
 * blocked mask) and the daemon's pid file, which it must not hold */
static void child_setup(void)
{
	pidfile_release();
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGUSR1, SIG_IGN);
	sigprocmask(SIG_SETMASK, &run_mask, NULL);
}

/* the macros of the listener a connection came in on */
static void listener_macros(cf_t *cf, const listener_t *l, int fd)
{
	macros_t *m = &cf->mac;
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char host[INET6_ADDRSTRLEN + 8], port[16];
	unsigned p;
	const char *fam = l->family == AF_INET6 ? "inet6" : l->family == AF_UNIX ? "local" : "inet";

	mac_define(m, macid("daemon_name"), l->name);
	mac_define(m, macid("daemon_family"), fam);
	mac_define(m, macid("daemon_flags"), l->flags);
	sockaddr_text(&l->addr, host, sizeof host, &p);
	if (l->family == AF_UNIX) {
		/* the reference's form, and the port a local socket does not have */
		char path[sizeof host + 16];
		snprintf(path, sizeof path, "[UNIX: %s]", host);
		mac_define(m, macid("daemon_addr"), path);
		p = 25;
	} else
		mac_define(m, macid("daemon_addr"), host);
	snprintf(port, sizeof port, "%u", p);
	mac_define(m, macid("daemon_port"), port);
	if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0) {
		sockaddr_text(&ss, host, sizeof host, &p);
		mac_define(m, macid("if_addr"), host);
		mac_define(m, macid("if_family"), fam);
	}
}

/* the child: one SMTP session on the connection */
static void serve(daemon_state_t *d, const listener_t *l, int fd)
{
	smtpd_opts_t o;
	const char *qd = opt_str(&d->cf->opt, OPT_QueueDirectory);
	FILE *in, *out;
	int fd2 = dup(fd);

	child_setup();
	close_all(d);
	if (sm_become_runas(d->cf) != 0)
		_exit(EX_OSERR);        /* RunAsUser: logged; the client sees the socket close */
	listener_macros(d->cf, l, fd);
	in = fdopen(fd, "r");
	out = fd2 >= 0 ? fdopen(fd2, "w") : NULL;
	if (in == NULL || out == NULL) {
		sm_log_id(LL_SERIOUS, LOG_ERR, NULL, "daemon %s: cannot set up a session: %s",
			  l->name, strerror(errno));
		_exit(EX_OSERR);
	}
	proctitle_set("sendmail: server %s startup", l->name);
	memset(&o, 0, sizeof o);
	o.qdir = qd != NULL && *qd ? qd : "/var/spool/mqueue";
	o.realuser = "root";
	o.verbose = false;
	o.noalias = d->a->noalias;
	o.daemon_name = l->name;
	o.daemon_flags = l->flags;
	smtpd_session(d->cf, &o, in, out);
	fflush(NULL);
	_exit(EX_OK);
}

/* ConnectionRateThrottle: at most N accepts a second, the rest wait */
static void throttle(daemon_state_t *d, const listener_t *l)
{
	time_t now = time(NULL);

	if (d->throttle <= 0)
		return;
	if (now != d->rate_sec) {
		d->rate_sec = now;
		d->rate_n = 0;
	}
	if (++d->rate_n <= d->throttle)
		return;
	sm_log_id(LL_MINOR, LOG_INFO, NULL, "deferring connections on daemon %s: %ld per second",
		  l->name, d->throttle);
	while (time(NULL) == now && !daemon_stop)
		usleep(100000);
	d->rate_sec = time(NULL);
	d->rate_n = 1;
}

static void accept_one(daemon_state_t *d, listener_t *l)
{
	int fd = accept4(l->fd, NULL, NULL, SOCK_CLOEXEC);
	pid_t pid;

	if (fd < 0)
		return;                 /* EAGAIN, EINTR, a client gone already */
	throttle(d, l);
	if (d->delayla > 0 && la_current() >= d->delayla)
		sleep(1);               /* DelayLA: each connection waits a second */
	pid = fork();
	if (pid == 0)
		serve(d, l, fd);
	if (pid < 0)
		sm_log_id(LL_SERIOUS, LOG_ERR, NULL, "daemon %s: cannot fork: %s", l->name,
			  strerror(errno));
	else
		d->children++;
	close(fd);
}

/* -q<time>: the queue run that is due */
static void queue_run(daemon_state_t *d)
{
	pid_t pid;

	if (d->interval <= 0 || time(NULL) < d->next_qrun)
		return;
	d->next_qrun = time(NULL) + d->interval;
	if (!qrun_may_fork(d->cf))
		return;        /* MaxQueueChildren runners still busy */
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		child_setup();
		close_all(d);
		_exit(sm_qrun_here(d->cf, d->a));
	}
	if (pid > 0) {
		d->children++;
		qrun_child_started(pid);
	}
}

/* why the sockets are to be closed now, "" if they are not: the reference's
 * words after "rejecting connections on daemon NAME: " */
static void refuse_reason(daemon_state_t *d, char *why, size_t n, int *prio)
{
	int la;

	why[0] = '\0';
	if (d->maxchildren > 0 && d->children >= d->maxchildren) {
		snprintf(why, n, "%d children, max %ld", d->children, d->maxchildren);
		*prio = LOG_INFO;
	} else if (la_refuse(d->cf, &la)) {
		snprintf(why, n, "load average: %d", la);
		*prio = LOG_NOTICE;
	}
}

/* MaxDaemonChildren, RefuseLA: sockets closed while the limit is reached */
static void limit_children(daemon_state_t *d)
{
	char why[128];
	int prio = LOG_INFO;

	refuse_reason(d, why, sizeof why, &prio);
	if (why[0] && !d->refusing) {
		for (int i = 0; i < d->nls; i++)
			sm_log_id(LL_MINOR, prio, NULL, "rejecting connections on daemon %s: %s",
				  d->ls[i].name, why);
		proctitle_set("sendmail: rejecting connections on daemon %s: %s", d->ls[0].name, why);
		close_all(d);
		d->refusing = true;
	} else if (!why[0] && d->refusing) {
		proctitle_set("sendmail: accepting connections");
		d->refusing = false;
	}
	if (!d->refusing)
		open_all(d);
}

static void wait_for_work(daemon_state_t *d)
{
	struct pollfd p[MAX_LISTENERS];
	struct timespec ts;
	int n = 0, timeout = 5000;

	if (d->interval > 0) {
		long left = (long)(d->next_qrun - time(NULL));
		if (left * 1000 < timeout)
			timeout = left > 0 ? (int)left * 1000 : 0;
	}
	for (int i = 0; !d->refusing && i < d->nls; i++)
		if (d->ls[i].fd >= 0) {
			p[n].fd = d->ls[i].fd;
			p[n].events = POLLIN;
			n++;
		}
	ts.tv_sec = timeout / 1000;
	ts.tv_nsec = 0;
	if (ppoll(p, (nfds_t)n, &ts, &run_mask) <= 0)
		return;                 /* a timeout, or a signal */
	for (int i = 0, k = 0; i < d->nls && k < n; i++)
		if (d->ls[i].fd >= 0 && d->ls[i].fd == p[k].fd && (p[k++].revents & POLLIN))
			accept_one(d, &d->ls[i]);
}

static void loop(daemon_state_t *d)
{
	sigset_t flags;

	daemon_signal_set(&flags);
	sigprocmask(SIG_BLOCK, &flags, &run_mask);
	while (!daemon_stop) {
		if (daemon_restart) {
			close_all(d);
			sigprocmask(SIG_SETMASK, &run_mask, NULL);
			sm_reexec();
			sigprocmask(SIG_BLOCK, &flags, NULL);
			daemon_restart = 0;     /* exec failed: run on */
			open_all(d);
		}
		if (daemon_dump) {
			daemon_dump = 0;
			state_dump(mac_get(&d->cf->mac, 'j'), d->children);
		}
		reap(d);
		queue_run(d);
		limit_children(d);
		wait_for_work(d);
	}
	for (int i = 0; i < d->nls; i++)
		listener_remove(&d->ls[i]);
	sigprocmask(SIG_SETMASK, &run_mask, NULL);
}

/* the sockets at start: when none can be opened (the port taken by
 * another daemon) the reference tries 11 times 5 s apart, then gives up */
static bool first_open(daemon_state_t *d)
{
	for (int tries = 1; !daemon_stop; tries++) {
		struct timespec ts = { 5, 0 };
		if (open_all(d) > 0)
			return true;
		if (tries == 11) {
			sm_log_id(LL_SERIOUS, LOG_ALERT, "",
				  "SYSERR(root): opendaemonsocket: daemon %s: server SMTP socket wedged: exiting",
				  d->ls[0].name);
			return false;
		}
		while (!daemon_stop && nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
		memset(d->retry, 0, sizeof d->retry);
	}
	return false;
}

static void starting(daemon_state_t *d)
{
	char t[32];

	if (d->interval > 0) {
		sm_hms(d->interval, t);
		sm_log_id(0, LOG_INFO, NULL, "starting daemon (%s): SMTP+queueing@%s", SM_VERSION, t);
	} else
		sm_log_id(0, LOG_INFO, NULL, "starting daemon (%s): SMTP", SM_VERSION);
}

int sm_mode_daemon(cf_t *cf, sm_args_t *a)
{
	static daemon_state_t d;
	const char *q = a->qarg != NULL ? a->qarg : "";

	log_setup(a->logtag != NULL ? a->logtag : "sendmail",
		  (int)opt_num(&cf->opt, OPT_LogLevel), opt_str(&cf->opt, OPT_LogTarget));
	memset(&d, 0, sizeof d);
	d.cf = cf;
	d.a = a;
	d.maxchildren = opt_num(&cf->opt, OPT_MaxDaemonChildren);
	d.throttle = opt_num(&cf->opt, OPT_ConnectionRateThrottle);
	d.delayla = opt_num(&cf->opt, OPT_DelayLA);
	if (a->queue && *q >= '0' && *q <= '9')
		d.interval = opt_convtime(q, 'm');
	d.nls = listeners_parse(opt_str(&cf->opt, OPT_DaemonPortOptions), d.ls, MAX_LISTENERS);
	daemon_signals();
	if (a->mode == 'd' && daemon_detach() < 0)
		sm_log_id(LL_SERIOUS, LOG_ERR, NULL, "daemon: cannot detach: %s", strerror(errno));
	/* SIGHUP restarts by re-executing argv[0]: it needs a full path */
	if (a->mode == 'd' && sm_argv[0] != NULL && sm_argv[0][0] != '/')
		sm_log_id(LL_SERIOUS, LOG_WARNING, NULL,
			  "daemon invoked without full pathname; kill -1 won't work");
	proctitle_init(sm_argc, sm_orig_argv);
	starting(&d);
	if (!first_open(&d))
		return EX_OSERR;
	smtpd_preload(cf);
	pwc_preload();
	cf_rules_ready(cf);     /* every rule tokenized once, not in each child */
	pidfile_write(opt_str(&cf->opt, OPT_PidFile), sm_argc, sm_argv);
	proctitle_set("sendmail: accepting connections");
	loop(&d);
	pidfile_remove();
	return EX_OK;
}
