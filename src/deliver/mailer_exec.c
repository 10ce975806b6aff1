/* mailer_exec.c - running a mailer program: its argv from A= (macros
 * expanded per recipient), P= as the program, D= directories tried in
 * order, the user and group it runs as, N= niceness, a clean environment,
 * only descriptors 0, 1 and 2 open (0 the message, 1 and 2 an unlinked
 * temporary file whose text goes into the bounce), and a time limit on
 * writing the message and on waiting for the exit. */
#include "log/xlog.h"
#include "deliver/deliver_int.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

/* the reference hands its mailers this environment */
static void child_env(void)
{
	const char *tz = getenv("TZ");
	char *tzv = tz != NULL ? xstrdup(tz) : NULL;

	if (clearenv() != 0)
		_exit(EX_OSERR);
	if (setenv("AGENT", "sendmail", 1) != 0)
		_exit(EX_OSERR);
	if (tzv != NULL && setenv("TZ", tzv, 1) != 0)
		_exit(EX_OSERR);
}

/* D=: the first directory of the list that we can enter ($z expanded) */
static void child_dir(const char *dirs)
{
	char *list = xstrdup(dirs ? dirs : "/"), *save = NULL, *d;

	for (d = strtok_r(list, ":", &save); d != NULL; d = strtok_r(NULL, ":", &save))
		if (chdir(d) == 0)
			return;
	if (chdir("/") != 0)
		_exit(EX_OSERR);
}

static void child_ids(const mexec_t *x)
{
	if (!x->setids)
		return;
	if (setgroups(1, &x->gid) != 0 || setgid(x->gid) != 0 || setuid(x->uid) != 0)
		_exit(EX_TEMPFAIL);
}

/* every descriptor above 2: one close_range(2) where the kernel has it
 * (the loop was 20,000 close calls per mailer with the usual limit) */
static void close_from_3(void)
{
	long fd, max;

#ifdef SYS_close_range
	if (syscall(SYS_close_range, 3U, ~0U, 0U) == 0)
		return;
#endif
	max = sysconf(_SC_OPEN_MAX);
	for (fd = 3; fd < (max > 0 && max < 65536 ? max : 1024); fd++)
		close((int)fd);
}

static void child(const mexec_t *x, int in, int out)
{
	if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
		_exit(EX_OSERR);
	close_from_3();
	signal(SIGPIPE, SIG_DFL);
	child_dir(x->dir);
	if (x->nice != 0 && setpriority(PRIO_PROCESS, 0, (int)x->nice) != 0)
		errno = 0;
	child_ids(x);
	child_env();
	execv(x->path, x->argv);
	_exit(errno == ENOENT ? EX_UNAVAILABLE : EX_TEMPFAIL);
}

/* -X: "=== EXEC" and the argv, one blank between arguments */
static void xlog_exec(char *const *argv)
{
	buf_t b = BUF_INIT(65536);

	if (!xlog_on())
		return;
	buf_adds(&b, "EXEC");
	for (size_t i = 0; argv != NULL && argv[i] != NULL; i++)
		buf_printf(&b, " %s", argv[i]);
	xlog_line("===", b.p, b.len);
	buf_free(&b);
}

int mailer_start(const mexec_t *x, mproc_t *p)
{
	int pfd[2];
	FILE *tmp = tmpfile();

	memset(p, 0, sizeof *p);
	p->wfd = -1;
	if (tmp == NULL)
		return -1;
	if (pipe(pfd) != 0) {
		fclose(tmp);
		return -1;
	}
	xlog_exec(x->argv);
	fflush(NULL);
	p->pid = fork();
	if (p->pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		fclose(tmp);
		return -1;
	}
	if (p->pid == 0)
		child(x, pfd[0], fileno(tmp));
	close(pfd[0]);
	p->wfd = pfd[1];
	p->out = tmp;
	p->deadline = time(NULL) + (x->timeout > 0 ? x->timeout : 3600);
	if (fcntl(p->wfd, F_SETFL, O_NONBLOCK) != 0 || fcntl(p->wfd, F_SETFD, FD_CLOEXEC) != 0)
		return 0;  /* still usable: writes just block */
	return 0;
}

/* write all of s to the mailer, within the deadline; -1 on error/timeout */
static int write_all(mproc_t *p, const char *s, size_t n)
{
	while (n > 0 && p->werr == 0) {
		ssize_t w = write(p->wfd, s, n);
		if (w > 0) {
			s += w;
			n -= (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno == EAGAIN) {
			struct pollfd pf = { p->wfd, POLLOUT, 0 };
			long left = (long)(p->deadline - time(NULL));
			if (left <= 0 || poll(&pf, 1, (int)(left > 60 ? 60000 : left * 1000)) < 0)
				p->werr = ETIMEDOUT;
			continue;
		}
		p->werr = w < 0 ? errno : EIO;
	}
	return p->werr == 0 ? 0 : -1;
}

static int flush_buf(mproc_t *p)
{
	int r = p->wlen > 0 ? write_all(p, p->wbuf, p->wlen) : 0;

	p->wlen = 0;
	return r;
}

/* buffered: the message goes out in wbuf-sized writes, not two per line */
int mailer_write(mproc_t *p, const char *s, size_t n)
{
	if (p->werr != 0)
		return -1;
	if (n > sizeof p->wbuf - p->wlen) {
		if (flush_buf(p) < 0)
			return -1;
		if (n >= sizeof p->wbuf)
			return write_all(p, s, n);
	}
	memcpy(p->wbuf + p->wlen, s, n);
	p->wlen += n;
	return 0;
}

/* a descriptor that becomes readable when the child exits (pidfd), or
 * -1 where the kernel has none */
static int exit_fd(pid_t pid)
{
#ifdef SYS_pidfd_open
	long fd = syscall(SYS_pidfd_open, pid, 0U);
	if (fd >= 0)
		return (int)fd;
#endif
	(void)pid;
	return -1;
}

/* sleep until the child may have exited: on its pidfd, else a short
 * nap that doubles up to 20 ms (no 20 ms wait for a mailer done in 2) */
static void await_exit(int pfd, long left, long *nap_us)
{
	if (pfd >= 0) {
		struct pollfd pf = { pfd, POLLIN, 0 };
		(void)poll(&pf, 1, (int)(left > 60 ? 60000 : (left + 1) * 1000));
		return;
	}
	usleep((useconds_t)*nap_us);
	if (*nap_us < 20000)
		*nap_us *= 2;
}

static int kill_child(mproc_t *p)
{
	int st = 0;

	kill(p->pid, SIGKILL);
	while (waitpid(p->pid, &st, 0) < 0 && errno == EINTR)
		;
	p->timedout = true;
	return st;
}

/* wait for the child until the deadline; kill it after */
static int wait_child(mproc_t *p)
{
	int st, pfd = exit_fd(p->pid);
	long nap = 500;

	for (;;) {
		pid_t r = waitpid(p->pid, &st, WNOHANG);
		if (r == p->pid)
			break;
		if (r < 0 && errno != EINTR) {
			st = -1;
			break;
		}
		if (time(NULL) > p->deadline) {
			st = kill_child(p);
			break;
		}
		await_exit(pfd, (long)(p->deadline - time(NULL)), &nap);
	}
	if (pfd >= 0)
		close(pfd);
	return st;
}

/* what the mailer printed, at most MAILER_TEXT_MAX bytes */
static void read_text(FILE *f, buf_t *text)
{
	char chunk[4096];
	size_t n;

	if (fseek(f, 0, SEEK_SET) != 0)
		return;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && text->len < MAILER_TEXT_MAX)
		buf_add(text, chunk, n < MAILER_TEXT_MAX - text->len ? n : MAILER_TEXT_MAX - text->len);
}

int mailer_finish(mproc_t *p, buf_t *text)
{
	int st;

	if (p->wfd >= 0) {
		(void)flush_buf(p);
		close(p->wfd);
	}
	p->wfd = -1;
	st = wait_child(p);
	if (p->out != NULL) {
		size_t had = text->len;
		read_text(p->out, text);
		xlog_in_text(text->p ? text->p + had : "", text->len - had);
		fclose(p->out);
		p->out = NULL;
	}
	if (p->timedout)
		return EX_TEMPFAIL;
	if (st < 0)
		return EX_OSERR;
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return EX_SOFTWARE;
}
