/* map_sockconn.c - socketmap connections: the endpoint specs
 * ("unix:/path", "local:/path", "inet:port@host", "inet6:port@host")
 * parsed and checked with the reference's messages, one connection
 * per spec shared by every socket map that names it. */
#include "maps/map_sockconn.h"
#include "maps/map.h"
#include "lib/xalloc.h"
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

struct sockconn {
	char *spec;
	int fd, refs;
	struct sockconn *next;
};

static sockconn_t *conns;

sockconn_t *sockconn_get(const char *spec)
{
	sockconn_t *c;

	for (c = conns; c; c = c->next)
		if (strcmp(c->spec, spec) == 0)
			break;
	if (c == NULL) {
		c = xcalloc(1, sizeof *c);
		c->spec = xstrdup(spec);
		c->fd = -1;
		c->next = conns;
		conns = c;
	}
	c->refs++;
	return c;
}

void sockconn_put(sockconn_t *c)
{
	sockconn_t **pp;

	if (--c->refs > 0)
		return;
	for (pp = &conns; *pp != c; pp = &(*pp)->next)
		;
	*pp = c->next;
	sockconn_drop(c);
	free(c->spec);
	free(c);
}

int sockconn_fd(const sockconn_t *c)
{
	return c->fd;
}

void sockconn_drop(sockconn_t *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

static int addr_unix(const char *mapname, const char *path, struct sockaddr_storage *ss,
		     socklen_t *sl)
{
	struct sockaddr_un *su = (struct sockaddr_un *)ss;
	struct stat st;
	size_t n = strlen(path);

	if (n >= sizeof su->sun_path) {
		map_syserr(0, "socket map \"%s\": local socket name %s too long", mapname, path);
		return -1;
	}
	if (stat(path, &st) < 0) {
		map_syserr(errno, "socket map \"%s\": local socket name %s unsafe", mapname, path);
		return -1;
	}
	su->sun_family = AF_UNIX;
	memcpy(su->sun_path, path, n + 1);
	*sl = (socklen_t)sizeof *su;
	return 0;
}

/* port: digits or a tcp service name; 0 when unknown */
static int inet_port(const char *s, size_t n)
{
	char name[64];
	struct servent *se;

	if (n == 0 || n >= sizeof name)
		return 0;
	memcpy(name, s, n);
	name[n] = '\0';
	if (strspn(name, "0123456789") == n)
		return atoi(name);
	se = getservbyname(name, "tcp");
	return se ? ntohs((unsigned short)se->s_port) : 0;
}

static int inet_host(int af, const char *host, struct sockaddr_storage *ss, socklen_t *sl)
{
	struct addrinfo hints, *ai = NULL;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = af;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host, NULL, &hints, &ai) != 0 || ai == NULL)
		return -1;
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	*sl = ai->ai_addrlen;
	freeaddrinfo(ai);
	return 0;
}

static int addr_inet(const char *mapname, int af, const char *spec,
		     struct sockaddr_storage *ss, socklen_t *sl)
{
	const char *at = strchr(spec, '@');
	int port;

	if (at == NULL) {
		map_syserr(0, "socket map \"%s\": bad address %s (expected port@host)", mapname, spec);
		return -1;
	}
	port = inet_port(spec, (size_t)(at - spec));
	if (port == 0) {
		map_syserr(0, "socket map \"%s\": unknown port name %.*s", mapname,
			   (int)(at - spec), spec);
		return -1;
	}
	if (at[1] == '[')
		return -1;   /* the reference cannot reach a bracketed address either */
	if (inet_host(af, at + 1, ss, sl) < 0) {
		map_syserr(EAGAIN, "socket map \"%s\": Unknown host name %s", mapname, at + 1);
		return -1;
	}
	if (af == AF_INET)
		((struct sockaddr_in *)ss)->sin_port = htons((unsigned short)port);
	else
		((struct sockaddr_in6 *)ss)->sin6_port = htons((unsigned short)port);
	return 0;
}

static int spec_addr(const char *mapname, const char *spec, struct sockaddr_storage *ss,
		     socklen_t *sl)
{
	const char *colon = strchr(spec, ':');
	size_t tl = colon ? (size_t)(colon - spec) : strlen(spec);

	memset(ss, 0, sizeof *ss);
	if (colon && ((tl == 4 && strncmp(spec, "unix", 4) == 0) ||
		      (tl == 5 && strncmp(spec, "local", 5) == 0)))
		return addr_unix(mapname, colon + 1, ss, sl);
	if (colon && tl == 4 && strncmp(spec, "inet", 4) == 0)
		return addr_inet(mapname, AF_INET, colon + 1, ss, sl);
	if (colon && tl == 5 && strncmp(spec, "inet6", 5) == 0)
		return addr_inet(mapname, AF_INET6, colon + 1, ss, sl);
	map_syserr(EPROTONOSUPPORT, "socket map \"%s\": unknown socket type %.*s",
		   mapname, (int)tl, spec);
	return -1;
}

int sockconn_connect(sockconn_t *c, const char *mapname)
{
	struct sockaddr_storage ss;
	socklen_t sl = 0;
	int fd;

	if (c->fd >= 0)
		return 0;
	if (spec_addr(mapname, c->spec, &ss, &sl) < 0)
		return -1;
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		map_syserr(errno, "socket map \"%s\": error creating socket", mapname);
		return -1;
	}
	if (connect(fd, (struct sockaddr *)&ss, sl) < 0) {
		close(fd);
		return -1;
	}
	c->fd = fd;
	return 0;
}
