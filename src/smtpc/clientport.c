/* clientport.c - ClientPortOptions for an outgoing connection: the
 * setting of the connection's address family (Family=inet by default; one
 * setting per family) binds the socket to Addr= and Port= when given,
 * sets SndBufSize/RcvBufSize, and its Modifiers say: h (the outgoing
 * interface's name for EHLO/HELO, when it is a qualified name), A (no
 * AUTH), S (no STARTTLS).  The keys are parsed as DaemonPortOptions'. */
#include "smtpc/smtpc_int.h"
#include "conf/options.h"
#include "daemon/listen.h"
#include <errno.h>
#include <netdb.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>

/* the setting for family, false when none applies */
static bool setting_for(cf_t *cf, int family, listener_t *out)
{
	const char *text = opt_str(&cf->opt, OPT_ClientPortOptions);
	listener_t v[MAX_LISTENERS];
	int n;

	if (text == NULL || *text == '\0')
		return false;
	n = listeners_parse(text, v, MAX_LISTENERS);
	for (int i = n - 1; i >= 0; i--)        /* the last one for the family */
		if (v[i].family == family) {
			*out = v[i];
			return true;
		}
	return false;
}

int clientport_apply(cf_t *cf, int family, int fd)
{
	listener_t l;
	int one = 1;

	if (!setting_for(cf, family, &l))
		return 0;
	if (l.sndbuf > 0 && setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &l.sndbuf, sizeof l.sndbuf) != 0)
		return -1;
	if (l.rcvbuf > 0 && setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &l.rcvbuf, sizeof l.rcvbuf) != 0)
		return -1;
	if (!l.addr_set && !l.port_set)
		return 0;
	if (l.port_set && setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0)
		return -1;
	if (!l.port_set && family == AF_INET6)   /* any free port */
		((struct sockaddr_in6 *)&l.addr)->sin6_port = 0;
	else if (!l.port_set)
		((struct sockaddr_in *)&l.addr)->sin_port = 0;
	return bind(fd, (struct sockaddr *)&l.addr, l.alen);
}

bool clientport_mod(cf_t *cf, int family, char m)
{
	listener_t l;
	return setting_for(cf, family, &l) && strchr(l.mods, m) != NULL;
}

/* Modifiers=h: the name of the address this end of fd has, when it is
 * a qualified host name (not "[...]", at least one dot) */
bool clientport_helo(cf_t *cf, int fd, char *name, size_t len)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;

	if (getsockname(fd, (struct sockaddr *)&ss, &sl) != 0 ||
	    !clientport_mod(cf, ss.ss_family, 'h') ||
	    getnameinfo((struct sockaddr *)&ss, sl, name, (socklen_t)len, NULL, 0, NI_NAMEREQD) != 0)
		return false;
	return name[0] != '[' && strchr(name, '.') != NULL;
}
