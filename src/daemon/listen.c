/* listen.c - DaemonPortOptions settings turned into listening sockets
 * (Family=inet, inet6, or local/unix with Addr= a path; Listen=,
 * SndBufSize=, RcvBufSize=).
 * Keys are recognised by their first letter as the option parser does
 * (src/conf/options.c has already complained about bad values). */
#include "daemon/listen.h"
#include "lib/addrtext.h"
#include "lib/buf.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static void set_port(listener_t *l, unsigned port)
{
	if (l->family == AF_UNIX)
		return;
	if (l->family == AF_INET6)
		((struct sockaddr_in6 *)&l->addr)->sin6_port = htons((uint16_t)port);
	else
		((struct sockaddr_in *)&l->addr)->sin_port = htons((uint16_t)port);
}

static unsigned parse_port(const char *v)
{
	struct servent *se;

	if (isdigit((unsigned char)*v))
		return (unsigned)strtoul(v, NULL, 10) & 0xffff;
	se = getservbyname(v, "tcp");
	return se != NULL ? ntohs((uint16_t)se->s_port) : 25;
}

/* Addr=: a numeric address, or a name whose first address is taken */
static bool parse_addr(listener_t *l, const char *v)
{
	struct addrinfo hints, *res = NULL;
	bool ok = false;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = l->family;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(v, NULL, &hints, &res) != 0)
		return false;
	if (res != NULL && res->ai_addrlen <= sizeof l->addr) {
		memcpy(&l->addr, res->ai_addr, res->ai_addrlen);
		l->alen = res->ai_addrlen;
		ok = true;
	}
	freeaddrinfo(res);
	return ok;
}

/* "EE a" for Modifiers=Ea: blank separated, capitals doubled */
static void mods_to_flags(listener_t *l)
{
	buf_t b = BUF_INIT(sizeof l->flags);

	for (const char *p = l->mods; *p; p++) {
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_addc(&b, *p);
		if (isupper((unsigned char)*p))
			buf_addc(&b, *p);
	}
	sm_strlcpy(l->flags, buf_str(&b), sizeof l->flags);
	buf_free(&b);
}

static void defaults(listener_t *l, int n)
{
	memset(l, 0, sizeof *l);
	snprintf(l->name, sizeof l->name, "Daemon%d", n);
	l->family = AF_INET;
	l->backlog = LISTEN_BACKLOG;
	l->fd = -1;
}

/* the address family first: Addr= and Port= depend on it */
static void family_of(listener_t *l, const char *line)
{
	const char *f = strcasestr(line, "family=");

	if (f != NULL && (f == line || strchr(", \t", f[-1]) != NULL)) {
		if (strncasecmp(f + 7, "inet6", 5) == 0)
			l->family = AF_INET6;
		else if (strncasecmp(f + 7, "local", 5) == 0 || strncasecmp(f + 7, "unix", 4) == 0)
			l->family = AF_UNIX;
	}
	l->addr.ss_family = (sa_family_t)l->family;
	l->alen = l->family == AF_INET6 ? sizeof(struct sockaddr_in6)
		  : l->family == AF_UNIX ? sizeof(struct sockaddr_un)
					 : sizeof(struct sockaddr_in);
}

/* Addr= of a local socket: its path */
static bool parse_path(listener_t *l, const char *v)
{
	struct sockaddr_un *u = (struct sockaddr_un *)&l->addr;

	if (*v != '/' || strlen(v) >= sizeof u->sun_path)
		return false;
	memcpy(u->sun_path, v, strlen(v) + 1);
	return true;
}

static int buf_size(const char *v)
{
	long n = strtol(v, NULL, 10);
	return n > 0 && n <= 64L * 1024 * 1024 ? (int)n : 0;
}

static bool item(listener_t *l, char *key, const char *v, unsigned *port)
{
	switch (tolower((unsigned char)*key)) {
	case 'n':
		sm_strlcpy(l->name, v, sizeof l->name);
		return true;
	case 'p':
		*port = parse_port(v);
		l->port_set = true;
		return true;
	case 'a':
		l->addr_set = true;
		return l->family == AF_UNIX ? parse_path(l, v) : parse_addr(l, v);
	case 's':               /* SndBufSize= */
		l->sndbuf = buf_size(v);
		return true;
	case 'r':               /* RcvBufSize=, refuseLA= */
		if (strncasecmp(key, "rc", 2) == 0)
			l->rcvbuf = buf_size(v);
		return true;
	case 'm':
		sm_strlcpy(l->mods, v, sizeof l->mods);
		return true;
	case 'l':
		l->backlog = atoi(v) > 0 ? atoi(v) : LISTEN_BACKLOG;
		return true;
	default:
		return true;            /* F= taken already; others not used here */
	}
}

static bool parse_one(listener_t *l, const char *line, int n)
{
	char *copy = xstrdup(line), *it, *save = NULL;
	unsigned port = 25;
	bool ok = true;

	defaults(l, n);
	family_of(l, line);
	for (it = strtok_r(copy, ",", &save); it != NULL; it = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(it, '=');
		it += strspn(it, " \t");
		if (eq == NULL)
			continue;
		*eq++ = '\0';
		eq += strspn(eq, " \t");
		if (!item(l, it, eq, &port)) {
			sm_log_id(LL_SERIOUS, LOG_ERR, NULL, "daemon %s: cannot use address %s",
				  l->name, eq);
			ok = false;
		}
	}
	free(copy);
	set_port(l, port);
	mods_to_flags(l);
	return ok;
}

int listeners_parse(const char *text, listener_t *ls, int max)
{
	const char *p = text != NULL && *text ? text : "Name=MTA";
	buf_t line = BUF_INIT(4096);
	int n = 0;

	while (*p && n < max) {
		size_t len = strcspn(p, "\n");
		buf_reset(&line);
		buf_add(&line, p, len);
		if (parse_one(&ls[n], buf_str(&line), n))
			n++;
		p += len + (p[len] == '\n');
	}
	buf_free(&line);
	return n;
}

/* the reference's two lines for a socket that cannot be opened */
static int open_failed(const listener_t *l, const char *what, int fd)
{
	sm_log_id(LL_SERIOUS, LOG_CRIT, "", "SYSERR(root): opendaemonsocket: daemon %s: %s: %s",
		  l->name, what, strerror(errno));
	sm_log_id(LL_SERIOUS, LOG_ALERT, NULL, "daemon %s: problem creating SMTP socket", l->name);
	if (fd >= 0)
		close(fd);
	return -1;
}

/* SO_REUSEADDR (not for a local socket), IPV6_V6ONLY, the buffer sizes */
static int sock_options(const listener_t *l, int fd)
{
	int one = 1;

	if (l->family != AF_UNIX &&
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0)
		return -1;
	if (l->family == AF_INET6 &&
	    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one) != 0)
		return -1;
	if (l->sndbuf > 0 && setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &l->sndbuf, sizeof l->sndbuf) != 0)
		return -1;
	if (l->rcvbuf > 0 && setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &l->rcvbuf, sizeof l->rcvbuf) != 0)
		return -1;
	return 0;
}

/* a local socket's path: whatever is there (a socket left by an earlier
 * daemon) is replaced, as the reference does; never a directory */
static void clear_path(const listener_t *l)
{
	const struct sockaddr_un *u = (const struct sockaddr_un *)&l->addr;
	struct stat st;

	if (l->family == AF_UNIX && lstat(u->sun_path, &st) == 0 && !S_ISDIR(st.st_mode))
		unlink(u->sun_path);
}

int listener_open(listener_t *l)
{
	int fd = socket(l->family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);

	if (fd < 0)
		return open_failed(l, "can't create server SMTP socket", -1);
	if (sock_options(l, fd) != 0)
		return open_failed(l, "cannot setsockopt", fd);
	clear_path(l);
	if (bind(fd, (struct sockaddr *)&l->addr, l->alen) != 0)
		return open_failed(l, "cannot bind", fd);
	if (listen(fd, l->backlog) != 0)
		return open_failed(l, "cannot listen", fd);
	l->fd = fd;
	return 0;
}

void listener_close(listener_t *l)
{
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
}

void listener_remove(listener_t *l)
{
	listener_close(l);
	if (l->family == AF_UNIX)
		unlink(((struct sockaddr_un *)&l->addr)->sun_path);
}

void sockaddr_text(const struct sockaddr_storage *ss, char *host, size_t hlen, unsigned *port)
{
	char a[INET6_ADDRSTRLEN];

	if (ss->ss_family == AF_UNIX) {
		snprintf(host, hlen, "%s", ((const struct sockaddr_un *)ss)->sun_path);
		*port = 0;
	} else if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)ss;
		buf_t b = BUF_INIT(64);
		buf_adds(&b, "IPv6:");
		ip6_text(s6->sin6_addr.s6_addr, &b);
		snprintf(host, hlen, "%s", buf_str(&b));
		buf_free(&b);
		*port = ntohs(s6->sin6_port);
	} else {
		const struct sockaddr_in *s4 = (const struct sockaddr_in *)ss;
		if (inet_ntop(AF_INET, &s4->sin_addr, a, sizeof a) == NULL)
			a[0] = '\0';
		snprintf(host, hlen, "%s", a);
		*port = ntohs(s4->sin_port);
	}
}
