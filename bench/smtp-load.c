/*
 * smtp-load.c - SMTP load generator for bench/daemon-bench.
 *
 * Not part of the build: daemon-bench compiles it at run time
 * (cc -O2 -pthread) into its scratch directory.  Talks to 127.0.0.1:PORT
 * and prints key=value lines on stdout.  Modes:
 *
 *   accept  -s SESSIONS parallel workers send -m N messages in all, one
 *           connection per message (banner, HELO, MAIL, RCPT, DATA, a
 *           message of -l SIZE bytes, ".", QUIT); every reply code is
 *           checked.  Prints msgs, failures, secs.
 *   latency one connection (EHLO), -m N transactions one after another,
 *           no pipelining; per message the time from sending MAIL FROM to
 *           the 250 after the final dot.  Prints p50/p90/p99/max in ms.
 *   conc    opens -c C sessions one after another (banner, EHLO each),
 *           prints "ready ..." and holds them until stdin reaches EOF, a
 *           SIGTERM/SIGINT arrives or -w seconds have passed.
 *
 * Every read and write waits in poll() with a timeout (-t seconds), so
 * nothing can hang; all buffers are fixed-size.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define LINE_MAX_LEN 1024	/* one reply line */
#define RBUF_LEN 4096		/* receive buffer per connection */
#define MSG_MAX (1024 * 1024)	/* largest -l */
#define CONC_MAX 4096		/* largest -c */
#define LAT_MAX 100000		/* largest -m in latency mode */

struct opts {
	const char *mode;
	int port, sessions, n, size, conc, timeout_ms, wait_s;
	const char *from, *rcpt, *helo;
};

struct conn {
	int fd;
	size_t len;		/* bytes in buf */
	char err[160];		/* why the last step failed */
	char buf[RBUF_LEN];
};

/* failure kinds, the prefix of conn.err */
enum { F_CONNECT, F_TIMEOUT, F_EOF, F_REPLY, F_OTHER, F_KINDS };
static const char *const fail_name[F_KINDS] = { "connect", "timeout", "eof", "reply", "other" };

static struct opts O = { NULL, 0, 20, 100, 2048, 100, 30000, 600,
			 "loadgen@client.example", "bench@mail.example.com",
			 "client.example" };
static char *message;		/* the DATA part, dot-terminated */
static size_t message_len;
static volatile sig_atomic_t stop_flag;

static double now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int conn_open(struct conn *c)
{
	struct sockaddr_in sa;
	int one = 1;

	c->len = 0;
	c->err[0] = '\0';
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (c->fd < 0) {
		(void)snprintf(c->err, sizeof c->err, "connect: socket: %s", strerror(errno));
		return -1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)O.port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0 ||
	    connect(c->fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		(void)snprintf(c->err, sizeof c->err, "connect: %s", strerror(errno));
		(void)close(c->fd);
		c->fd = -1;
		return -1;
	}
	return 0;
}

static void conn_close(struct conn *c)
{
	if (c->fd >= 0)
		(void)close(c->fd);
	c->fd = -1;
}

static int wait_fd(struct conn *c, short ev)
{
	struct pollfd p = { c->fd, ev, 0 };
	int r;

	do
		r = poll(&p, 1, O.timeout_ms);
	while (r < 0 && errno == EINTR && !stop_flag);
	if (r == 0)
		(void)snprintf(c->err, sizeof c->err, "timeout: no %s in %d ms",
			       ev == POLLIN ? "reply" : "write room", O.timeout_ms);
	else if (r < 0)
		(void)snprintf(c->err, sizeof c->err, "other: poll: %s", strerror(errno));
	return r > 0 ? 0 : -1;
}

static int send_all(struct conn *c, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w;

		if (wait_fd(c, POLLOUT) != 0)
			return -1;
		w = send(c->fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			(void)snprintf(c->err, sizeof c->err, "eof: send: %s",
				       w < 0 ? strerror(errno) : "0 bytes");
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int sendf(struct conn *c, const char *fmt, ...)
{
	char line[LINE_MAX_LEN];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof line)
		return -1;
	return send_all(c, line, (size_t)n);
}

/* one line (without CRLF) into out; 0 or -1 */
static int read_line(struct conn *c, char *out, size_t outsz)
{
	for (;;) {
		char *nl = memchr(c->buf, '\n', c->len);
		ssize_t r;

		if (nl != NULL) {
			size_t n = (size_t)(nl - c->buf);
			size_t k = n < outsz - 1 ? n : outsz - 1;

			memcpy(out, c->buf, k);
			out[k] = '\0';
			if (k > 0 && out[k - 1] == '\r')
				out[k - 1] = '\0';
			memmove(c->buf, nl + 1, c->len - n - 1);
			c->len -= n + 1;
			return 0;
		}
		if (c->len == sizeof c->buf)	/* overlong line: drop it */
			c->len = 0;
		if (wait_fd(c, POLLIN) != 0)
			return -1;
		r = recv(c->fd, c->buf + c->len, sizeof c->buf - c->len, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			(void)snprintf(c->err, sizeof c->err, "eof: recv: %s",
				       r < 0 ? strerror(errno) : "connection closed");
			return -1;
		}
		c->len += (size_t)r;
	}
}

/* a whole (multi-line) reply; its code, or -1 */
static int read_reply(struct conn *c)
{
	char line[LINE_MAX_LEN];
	int i;

	for (i = 0; i < 1000; i++) {
		if (read_line(c, line, sizeof line) != 0)
			return -1;
		if (strlen(line) < 3 || line[0] < '1' || line[0] > '5') {
			(void)snprintf(c->err, sizeof c->err, "reply: malformed: %.120s", line);
			return -1;
		}
		if (line[3] != '-') {	/* the reason, if not the code expected */
			(void)snprintf(c->err, sizeof c->err, "reply: %.140s", line);
			return atoi(line);
		}
	}
	(void)snprintf(c->err, sizeof c->err, "reply: more than 1000 lines");
	return -1;
}

static int expect(struct conn *c, int code)
{
	return read_reply(c) == code ? 0 : -1;
}

/* failures by kind, and the first one's text */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int fail_kind[F_KINDS];
static char first_err[160];

static void note_failure(const struct conn *c)
{
	int k;

	for (k = 0; k < F_OTHER; k++)
		if (strncmp(c->err, fail_name[k], strlen(fail_name[k])) == 0)
			break;
	if (pthread_mutex_lock(&mu) != 0)
		return;
	fail_kind[k]++;
	if (first_err[0] == '\0')
		(void)snprintf(first_err, sizeof first_err, "%s", c->err[0] ? c->err : "?");
	(void)pthread_mutex_unlock(&mu);
}

/* the first failure on a line of its own, then prefix and "fail_connect=N
 * ...", the start of the key=value line */
static void print_failures(const char *prefix)
{
	int k;

	if (first_err[0] != '\0')
		printf("first_error: %s\n", first_err);
	printf("%s", prefix);
	for (k = 0; k < F_KINDS; k++)
		printf("fail_%s=%d ", fail_name[k], fail_kind[k]);
}

/* the DATA part: headers, body lines of up to 72 bytes, CRLF, "." */
static int build_message(void)
{
	static const char hdr[] =
		"From: Load Generator <%s>\r\nTo: <%s>\r\n"
		"Subject: daemon-bench load message\r\n"
		"Date: Sun, 22 Nov 2026 12:00:00 +0000\r\n"
		"Message-ID: <smtp-load.%ld@client.example>\r\n\r\n";
	size_t cap = (size_t)O.size + 1024, n;
	int k;

	message = malloc(cap);
	if (message == NULL)
		return -1;
	k = snprintf(message, cap, hdr, O.from, O.rcpt, (long)getpid());
	if (k < 0 || (size_t)k >= cap)
		return -1;
	n = (size_t)k;
	while (n < (size_t)O.size) {
		size_t left = (size_t)O.size - n, ll = left > 74 ? 72 : left;

		if (ll < 3)
			ll = 3;
		ll -= 2;	/* CRLF */
		if (n + ll + 2 + 4 > cap)
			break;
		memset(message + n, 'x', ll);
		n += ll;
		memcpy(message + n, "\r\n", 2);
		n += 2;
	}
	memcpy(message + n, ".\r\n", 3);
	message_len = n + 3;
	return 0;
}

/* MAIL, RCPT, DATA, message, "." on an open session; 0 or -1 */
static int transaction(struct conn *c)
{
	return sendf(c, "MAIL FROM:<%s>\r\n", O.from) || expect(c, 250) ||
	       sendf(c, "RCPT TO:<%s>\r\n", O.rcpt) || expect(c, 250) ||
	       sendf(c, "DATA\r\n") || expect(c, 354) ||
	       send_all(c, message, message_len) || expect(c, 250) ? -1 : 0;
}

/* ------------------------------------------------------------ accept */

static int next_msg, done_ok, failed;

static int one_message(void)
{
	struct conn c;
	int bad;

	if (conn_open(&c) != 0) {
		note_failure(&c);
		return -1;
	}
	bad = expect(&c, 220) || sendf(&c, "HELO %s\r\n", O.helo) ||
	      expect(&c, 250) || transaction(&c) || sendf(&c, "QUIT\r\n") ||
	      expect(&c, 221);
	if (bad)
		note_failure(&c);
	conn_close(&c);
	return bad ? -1 : 0;
}

static void *worker(void *arg)
{
	(void)arg;
	for (;;) {
		int r;

		if (pthread_mutex_lock(&mu) != 0)
			return NULL;
		r = next_msg < O.n && !stop_flag;
		next_msg += r;
		if (pthread_mutex_unlock(&mu) != 0 || !r)
			return NULL;
		r = one_message();
		if (pthread_mutex_lock(&mu) != 0)
			return NULL;
		if (r == 0)
			done_ok++;
		else
			failed++;
		if (pthread_mutex_unlock(&mu) != 0)
			return NULL;
	}
}

static int run_accept(void)
{
	pthread_t th[256];
	int i, started = 0;
	double t0 = now(), secs;

	if (O.sessions < 1 || O.sessions > 256)
		return fprintf(stderr, "smtp-load: -s 1..256\n"), 2;
	for (i = 0; i < O.sessions; i++) {
		if (pthread_create(&th[i], NULL, worker, NULL) != 0)
			break;
		started++;
	}
	for (i = 0; i < started; i++)
		(void)pthread_join(th[i], NULL);
	secs = now() - t0;
	failed += O.n - done_ok - failed;	/* never started */
	print_failures("");
	printf("mode=accept msgs=%d failures=%d secs=%.3f rate=%.1f sessions=%d size=%d\n",
	       done_ok, failed, secs, secs > 0 ? done_ok / secs : 0.0, started, O.size);
	return failed ? 1 : 0;
}

/* ------------------------------------------------------------ latency */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double pct(const double *v, int n, double p)
{
	int i = (int)(p / 100.0 * n + 0.5) - 1;

	if (i < 0)
		i = 0;
	if (i >= n)
		i = n - 1;
	return v[i];
}

static int run_latency(void)
{
	static double lat[LAT_MAX];
	struct conn c;
	int i, ok = 0, fails = 0;
	double t0 = now(), sum = 0;

	if (O.n < 1 || O.n > LAT_MAX)
		return fprintf(stderr, "smtp-load: -m 1..%d\n", LAT_MAX), 2;
	if (conn_open(&c) != 0 || expect(&c, 220) ||
	    sendf(&c, "EHLO %s\r\n", O.helo) || expect(&c, 250)) {
		note_failure(&c);
		conn_close(&c);
		print_failures("");
		printf("mode=latency msgs=0 failures=%d secs=0\n", O.n);
		return 1;
	}
	for (i = 0; i < O.n && !stop_flag; i++) {
		double t = now();

		if (transaction(&c) != 0) {
			note_failure(&c);
			fails = O.n - ok;
			break;
		}
		lat[ok] = (now() - t) * 1000.0;
		sum += lat[ok++];
	}
	if (fails == 0 && (sendf(&c, "QUIT\r\n") || expect(&c, 221))) {
		note_failure(&c);
		fails = 1;
	}
	conn_close(&c);
	print_failures("");
	if (ok == 0) {
		printf("mode=latency msgs=0 failures=%d secs=%.3f\n", fails, now() - t0);
		return 1;
	}
	qsort(lat, (size_t)ok, sizeof lat[0], cmp_double);
	printf("mode=latency msgs=%d failures=%d secs=%.3f p50_ms=%.3f p90_ms=%.3f "
	       "p99_ms=%.3f max_ms=%.3f mean_ms=%.3f\n", ok, fails, now() - t0,
	       pct(lat, ok, 50), pct(lat, ok, 90), pct(lat, ok, 99), lat[ok - 1], sum / ok);
	return fails ? 1 : 0;
}

/* ------------------------------------------------------------ conc */

static int run_conc(void)
{
	static struct conn cs[CONC_MAX];
	struct rlimit rl;
	struct pollfd p = { 0, POLLIN, 0 };
	int i, open_ok = 0, fails = 0;
	double t0 = now(), deadline, t_open;
	char sink[256];

	if (O.conc < 1 || O.conc > CONC_MAX)
		return fprintf(stderr, "smtp-load: -c 1..%d\n", CONC_MAX), 2;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		(void)setrlimit(RLIMIT_NOFILE, &rl);
	}
	for (i = 0; i < O.conc && !stop_flag; i++) {
		struct conn *c = &cs[open_ok];

		if (conn_open(c) != 0 || expect(c, 220) ||
		    sendf(c, "EHLO %s\r\n", O.helo) || expect(c, 250)) {
			note_failure(c);
			conn_close(c);
			fails++;
			continue;
		}
		open_ok++;
	}
	t_open = now() - t0;
	print_failures("ready ");
	printf("mode=conc sessions=%d failures=%d secs=%.3f sessions_per_s=%.1f\n",
	       open_ok, fails, t_open, t_open > 0 ? open_ok / t_open : 0.0);
	if (fflush(stdout) != 0)
		stop_flag = 1;
	deadline = now() + O.wait_s;
	while (!stop_flag && now() < deadline) {
		int r = poll(&p, 1, 1000);
		ssize_t n;

		if (r < 0 && errno != EINTR)
			break;
		if (r <= 0)
			continue;
		n = read(0, sink, sizeof sink);
		if (n <= 0)
			break;
	}
	for (i = 0; i < open_ok; i++) {
		(void)sendf(&cs[i], "QUIT\r\n");	/* the daemon may be gone */
		conn_close(&cs[i]);
	}
	printf("done mode=conc sessions=%d failures=%d\n", open_ok, fails);
	return fails ? 1 : 0;
}

/* ------------------------------------------------------------ main */

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

static int usage(void)
{
	fprintf(stderr, "usage: smtp-load accept|latency|conc -p PORT [-s SESSIONS] "
		"[-m N] [-l SIZE] [-c CONC] [-t TIMEOUT_S] [-w WAIT_S] [-f FROM] "
		"[-r RCPT] [-H HELO]\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	int ch;

	if (argc < 2)
		return usage();
	O.mode = argv[1];
	optind = 2;
	while ((ch = getopt(argc, argv, "p:s:m:l:c:t:w:f:r:H:")) != -1) {
		switch (ch) {
		case 'p': O.port = atoi(optarg); break;
		case 's': O.sessions = atoi(optarg); break;
		case 'm': O.n = atoi(optarg); break;
		case 'l': O.size = atoi(optarg); break;
		case 'c': O.conc = atoi(optarg); break;
		case 't': O.timeout_ms = atoi(optarg) * 1000; break;
		case 'w': O.wait_s = atoi(optarg); break;
		case 'f': O.from = optarg; break;
		case 'r': O.rcpt = optarg; break;
		case 'H': O.helo = optarg; break;
		default: return usage();
		}
	}
	if (O.port <= 0 || O.port > 65535 || O.n < 0 || O.size < 0 || O.size > MSG_MAX ||
	    O.timeout_ms <= 0)
		return usage();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0)
		return 2;
	sa.sa_handler = SIG_IGN;
	if (sigaction(SIGPIPE, &sa, NULL) != 0)
		return 2;
	if (build_message() != 0)
		return fprintf(stderr, "smtp-load: cannot build the message\n"), 2;
	if (strcmp(O.mode, "accept") == 0)
		return run_accept();
	if (strcmp(O.mode, "latency") == 0)
		return run_latency();
	if (strcmp(O.mode, "conc") == 0)
		return run_conc();
	return usage();
}
