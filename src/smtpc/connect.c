/* connect.c - from $h to a connected socket: [host] is used as given (an
 * address literal, or a name looked up without MX), otherwise the MX
 * hosts in preference order (the name itself when it has none); each
 * address of each host is tried with Timeout.connect until one answers.
 * The failure of the last one gives the stat= text the reference uses
 * ("Connection refused by HOST", "HOST: Network is unreachable"). */
#include "stats/stats.h"
#include "log/xlog.h"
#include "smtpc/smtpc_int.h"
#include "dns/dns.h"
#include "conf/options.h"
#include "smtpc/hoststat.h"
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

long smtpc_timeout(cf_t *cf, int id)
{
	long t = opt_num(&cf->opt, (opt_id)id);
	return t > 0 ? t : 0;
}

/* connect fd to sa within timeout seconds (0: the system's own) */
static int connect_timed(int fd, const struct sockaddr *sa, socklen_t len, long timeout)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	int err = 0, r;
	socklen_t el = sizeof err;

	if (connect(fd, sa, len) == 0)
		return 0;
	if (errno != EINPROGRESS)
		return -1;
	do
		r = poll(&p, 1, timeout > 0 ? (int)(timeout > 86400 ? 86400000 : timeout * 1000) : -1);
	while (r < 0 && errno == EINTR);
	if (r == 0) {
		errno = ETIMEDOUT;
		return -1;
	}
	if (r < 0 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) < 0)
		return -1;
	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
}

static void fail_text(int err, const char *host, buf_t *out)
{
	buf_reset(out);
	if (err == ECONNREFUSED)
		buf_printf(out, "Connection refused by %s", host);
	else if (err == ETIMEDOUT)
		buf_printf(out, "Connection timed out with %s", host);
	else if (err == EHOSTDOWN)
		buf_printf(out, "Host %s is down", host);
	else
		buf_printf(out, "%s: %s", host, strerror(err));
}

/* try every address of one host; 0 connected */
static int try_host(ssess_t *s, const char *name, const char *shown, buf_t *err)
{
	struct addrinfo hints, *res = NULL, *ai;
	char port[16];
	int e = 0, fd = -1;
	smtpc_req_t *q = s->q;
	hoststat_t hs;

	memset(&hints, 0, sizeof hints);
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	snprintf(port, sizeof port, "%d", q->port > 0 ? q->port : 25);
	snprintf(s->hostname, sizeof s->hostname, "%s", shown);
	s->addr[0] = '\0';
	if (hoststat_down(q->cf, shown, &hs)) {
		/* failed a moment ago (HostStatusDirectory): not again */
		fail_text(hs.err ? hs.err : ETIMEDOUT, shown, err);
		buf_set(&q->relay, shown);
		return -1;
	}
	if (q->verbose != NULL && q->port > 0 && q->port != 25)
		sverbose(s, "%s... Connecting to %s port %d via %s...", q->vaddrs, shown, q->port, q->mailer);
	else
		sverbose(s, "%s... Connecting to %s via %s...", q->vaddrs, shown, q->mailer);
	if (getaddrinfo(name, port, &hints, &res) != 0 || res == NULL) {
		buf_reset(err);
		buf_printf(err, "%s: Name server timeout", shown);
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		void *a = ai->ai_family == AF_INET6 ? (void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr
						    : (void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr;
		inet_ntop(ai->ai_family, a, s->addr, sizeof s->addr);
		fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (fd < 0) {
			e = errno;
			continue;
		}
		if (clientport_apply(q->cf, ai->ai_family, fd) == 0 &&
		    connect_timed(fd, ai->ai_addr, ai->ai_addrlen,
				  smtpc_timeout(q->cf, OPT_Timeout_connect)) == 0) {
			s->no_tls = clientport_mod(q->cf, ai->ai_family, 'S');
			s->no_auth = clientport_mod(q->cf, ai->ai_family, 'A');
			if (!clientport_helo(q->cf, fd, s->helo, sizeof s->helo))
				s->helo[0] = '\0';
			break;
		}
		e = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	buf_reset(&q->relay);
	buf_printf(&q->relay, "%s [%s]", shown, s->addr[0] ? s->addr : "");
	if (fd < 0) {
		fail_text(e, shown, err);
		memset(&hs, 0, sizeof hs);
		hs.err = e;
		hs.exitstat = EX_TEMPFAIL;
		snprintf(hs.dsn, sizeof hs.dsn, "4.4.1");
		hs.updated = time(NULL);
		hoststat_save(q->cf, shown, &hs);
		return -1;
	}
	sconn_init(&s->c, fd, q->verbose);
	stats_conn(ST_CONN_TO);
	if (xlog_on()) {
		buf_t x = BUF_INIT(1024);
		buf_printf(&x, "CONNECT %s", shown);
		xlog_line("===", x.p, x.len);
		buf_free(&x);
	}
	q->connected = true;
	return 0;
}

/* "[x]": a literal or a name without MX; 0 connected */
static int bracketed(ssess_t *s, buf_t *err)
{
	char name[DNS_MAXNAME], shown[DNS_MAXNAME + 2];
	const char *h = s->q->host + 1;
	size_t n = strcspn(h, "]");
	struct in6_addr a6;
	struct in_addr a4;

	if (n >= sizeof name - 1)
		n = sizeof name - 2;
	memcpy(name, h, n);
	name[n] = '\0';
	if (strncasecmp(name, "IPv6:", 5) == 0)
		memmove(name, name + 5, strlen(name + 5) + 1);
	if (inet_pton(AF_INET, name, &a4) == 1 || inet_pton(AF_INET6, name, &a6) == 1) {
		snprintf(shown, sizeof shown, "%s", s->q->host);
		shown[strcspn(shown, "]") + 1] = '\0';
	} else {
		snprintf(shown, sizeof shown, "%s%s", name,
			 n > 0 && name[n - 1] == '.' ? "" : ".");
	}
	return try_host(s, name, shown, err);
}

int sconnect(ssess_t *s, buf_t *err, int *exitstat)
{
	char *mx[SMTPC_MXMAX];
	int n, rcode = 0, i, r = -1;

	*exitstat = EX_TEMPFAIL;
	if (s->q->host[0] == '[')
		return bracketed(s, err);
	n = dns_getmxrr(s->q->host, mx, NULL, SMTPC_MXMAX, true, &rcode);
	if (n <= 0) {
		buf_reset(err);
		if (n == 0) {
			*exitstat = EX_NOHOST;
			buf_adds(err, "Host unknown");
		} else if (rcode == DNS_EX_UNAVAILABLE || n == DNS_NULLMX) {
			*exitstat = EX_UNAVAILABLE;
			buf_printf(err, "%s: Domain does not accept mail", s->q->host);
		} else {
			buf_printf(err, "%s: Name server timeout", s->q->host);
		}
		return -1;
	}
	for (i = 0; i < n && r != 0; i++)
		r = try_host(s, mx[i], mx[i], err);
	dns_free_mx(mx, n);
	return r;
}
