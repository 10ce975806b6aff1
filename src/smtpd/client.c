/* client.c - who the client is: on a socket (inetd style) its address
 * and the name its address maps back to, else the invoking user at
 * localhost; and the macros the policy rulesets read (${client_addr},
 * ${client_name}, ${client_port}, ${daemon_flags}, $_).  Like the
 * reference in -bs mode, ${client_resolve} is left unset. */
#include "smtpd/smtpd_int.h"
#include "conf/cf.h"
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static char port[16];

static void peer_name(session_t *s, const struct sockaddr *sa, socklen_t len)
{
	char host[NI_MAXHOST];
	int rc = getnameinfo(sa, len, host, sizeof host, NULL, 0, NI_NAMEREQD);

	if (rc == 0) {
		buf_set(&s->client_name, host);
		buf_printf(&s->relay, "%s ", host);
	}
	buf_printf(&s->relay, "[%s]", buf_str(&s->client_addr));
	if (rc != 0)
		buf_printf(&s->client_name, "[%s]", buf_str(&s->client_addr));
}

void client_identify(session_t *s)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char addr[INET6_ADDRSTRLEN];

	buf_reset(&s->relay);
	if (getpeername(fileno(s->in), (struct sockaddr *)&ss, &len) == 0 &&
	    (ss.ss_family == AF_INET || ss.ss_family == AF_INET6)) {
		const void *a = ss.ss_family == AF_INET
			? (const void *)&((struct sockaddr_in *)&ss)->sin_addr
			: (const void *)&((struct sockaddr_in6 *)&ss)->sin6_addr;
		unsigned p = ntohs(ss.ss_family == AF_INET ? ((struct sockaddr_in *)&ss)->sin_port
							   : ((struct sockaddr_in6 *)&ss)->sin6_port);
		s->is_socket = true;
		if (inet_ntop(ss.ss_family, a, addr, sizeof addr) == NULL)
			addr[0] = '\0';
		buf_set(&s->client_addr, ss.ss_family == AF_INET6 ? "IPv6:" : "");
		buf_adds(&s->client_addr, addr);
		snprintf(port, sizeof port, "%u", p);
		peer_name(s, (struct sockaddr *)&ss, len);
		return;
	}
	buf_printf(&s->relay, "%s@localhost", s->o->realuser);
}

void client_macros(session_t *s)
{
	macros_t *m = &s->cf->mac;

	mac_define(m, '_', buf_str(&s->relay));
	if (s->is_socket) {
		mac_define(m, macid("client_addr"), buf_str(&s->client_addr));
		mac_define(m, macid("client_name"), buf_str(&s->client_name));
		mac_define(m, macid("client_port"), port);
	}
	/* -bs runs with the flags the reference gives it (its qf files keep them) */
	mac_define(m, macid("daemon_flags"), "c u");
}
