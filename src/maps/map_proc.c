/* map_proc.c - run a map's child program: stdout to a pipe, stdin from
 * /dev/null, stderr inherited, the ids dropped when we are root; one
 * read of its answer, then its exit status.  A deadline covers both the
 * read and the wait: past it the child is killed and reaped, so no
 * lookup hangs and no zombie or descriptor is left behind. */
#include "maps/map_proc.h"
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sysexits.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void proc_child(const proc_spec_t *ps, int wfd)
{
	int nul = open("/dev/null", O_RDONLY);

	/* the reference runs it from its queue directory: a relative
	 * program name is not looked up where we were started */
	if (nul < 0 || dup2(nul, 0) < 0 || dup2(wfd, 1) < 0 || chdir("/") < 0)
		_exit(EX_OSERR);
	if (geteuid() == 0 && (setgroups(0, NULL) < 0 || setgid(ps->gid) < 0 ||
			       setuid(ps->uid) < 0))
		_exit(EX_TEMPFAIL);
	execv(ps->argv[0], ps->argv);
	_exit(EX_CONFIG);
}

static long ms_left(const struct timespec *end)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (end->tv_sec - now.tv_sec) * 1000 + (end->tv_nsec - now.tv_nsec) / 1000000;
}

/* one read, waiting at most until end; false on timeout */
static bool proc_read(int fd, size_t max, const struct timespec *end, buf_t *out)
{
	struct pollfd pf = { fd, POLLIN, 0 };
	char tmp[4096];
	ssize_t n;
	long left;

	for (;;) {
		left = ms_left(end);
		if (left <= 0)
			return false;
		if (poll(&pf, 1, (int)left) > 0)
			break;
	}
	do
		n = read(fd, tmp, max < sizeof tmp ? max : sizeof tmp);
	while (n < 0 && errno == EINTR);
	if (n > 0)
		buf_add(out, tmp, (size_t)n);
	return true;
}

/* reap pid, killing it once the deadline has passed */
static void proc_reap(pid_t pid, const struct timespec *end, proc_result_t *r)
{
	struct timespec nap = { 0, 5 * 1000000 };
	int st = 0;
	pid_t w;

	while ((w = waitpid(pid, &st, WNOHANG)) == 0) {
		if (ms_left(end) <= 0) {
			r->timedout = true;
			kill(pid, SIGKILL);
			while ((w = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
				;
			return;
		}
		nanosleep(&nap, NULL);
	}
	if (w == pid && WIFSIGNALED(st))
		r->signal = WTERMSIG(st);
	else if (w == pid)
		r->status = WEXITSTATUS(st);
}

void proc_run(const proc_spec_t *ps, proc_result_t *r)
{
	struct timespec end;
	int fds[2];
	pid_t pid;

	buf_init(&r->out, ps->maxout + 1);
	r->status = r->signal = r->err = 0;
	r->timedout = r->failed = false;
	if (pipe2(fds, O_CLOEXEC) < 0) {
		r->err = errno;
		r->failed = true;
		return;
	}
	if ((pid = fork()) < 0) {
		r->err = errno;
		r->failed = true;
		close(fds[0]);
		close(fds[1]);
		return;
	}
	if (pid == 0)
		proc_child(ps, fds[1]);
	close(fds[1]);
	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += ps->timeout;
	if (!proc_read(fds[0], ps->maxout, &end, &r->out))
		r->timedout = true;
	if (r->timedout)
		kill(pid, SIGKILL);
	proc_reap(pid, &end, r);
	close(fds[0]);
}
