/* client.c - who the client is: on a socket (inetd style or a daemon
 * connection) its address and the name its address maps back to, else
 * the invoking user at localhost; the macros the policy rulesets read
 * (${client_addr}, ${client_name}, ${client_port}, ${daemon_flags}, $_),
 * and check_relay on a daemon connection.  A daemon connection's name is
 * confirmed by a forward lookup and ${client_resolve} says how that went
 * (OK, FAIL, FORGED, TEMP); like the reference in -bs mode, -bs leaves
 * ${client_resolve} unset. */
#include "smtpd/smtpd_int.h"
#include "conf/cf.h"
#include "dns/dns.h"
#include "log/log.h"
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static char port[16];

/* does name map forward to the address of sa?  OK or FORGED */
static const char *forward_confirm(const char *name, const struct sockaddr *sa)
{
	const void *a = sa->sa_family == AF_INET
		? (const void *)&((const struct sockaddr_in *)sa)->sin_addr
		: (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr;

	return dns_name_has_addr(name, sa->sa_family, a) ? "OK" : "FORGED";
}

static void peer_name(session_t *s, const struct sockaddr *sa, socklen_t len)
{
	char host[NI_MAXHOST];
	int rc = getnameinfo(sa, len, host, sizeof host, NULL, 0, NI_NAMEREQD);
	bool daemon = s->o->daemon_name != NULL;

	s->resolve = rc == 0 ? "OK" : rc == EAI_AGAIN ? "TEMP" : "FAIL";
	if (rc == 0 && daemon)
		s->resolve = forward_confirm(host, sa);
	if (rc == 0) {
		buf_set(&s->client_name, host);
		buf_printf(&s->relay, "%s ", host);
	}
	buf_printf(&s->relay, "[%s]", buf_str(&s->client_addr));
	if (rc == 0 && strcmp(s->resolve, "FORGED") == 0)
		buf_adds(&s->relay, " (may be forged)");
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
		if (ss.ss_family == AF_INET6) {
			buf_set(&s->client_addr, "IPv6:");
			ip6_text(a, &s->client_addr);
		} else {
			if (inet_ntop(AF_INET, a, addr, sizeof addr) == NULL)
				addr[0] = '\0';
			buf_set(&s->client_addr, addr);
		}
		snprintf(port, sizeof port, "%u", p);
		peer_name(s, (struct sockaddr *)&ss, len);
		return;
	}
	if (len > 0 && ss.ss_family == AF_UNIX && getpeername(fileno(s->in),
							       (struct sockaddr *)&ss, &len) == 0) {
		/* a daemon's local socket (Family=local): as the reference
		 * names such a peer */
		s->is_socket = true;
		s->resolve = "OK";
		buf_set(&s->client_addr, "[UNIX: localhost]");
		buf_set(&s->client_name, "localhost");
		buf_set(&s->relay, "localhost [[UNIX: localhost]]");
		snprintf(port, sizeof port, "0");
		return;
	}
	buf_printf(&s->relay, "%s@localhost", s->o->realuser);
}

/* ${client_name}: the PTR name only when its forward lookup confirmed
 * it, else the bracketed address (what check_relay is given); the logs
 * name the client by its PTR name all the same, as ${client_ptr} does */
static void client_name_macro(const session_t *s, buf_t *out)
{
	if (s->resolve != NULL && strcmp(s->resolve, "FORGED") == 0)
		buf_printf(out, "[%s]", buf_str(&s->client_addr));
	else
		buf_set(out, buf_str(&s->client_name));
}

void client_macros(session_t *s)
{
	macros_t *m = &s->cf->mac;

	mac_define(m, '_', buf_str(&s->relay));
	if (s->is_socket) {
		buf_t name = BUF_INIT(1024);
		client_name_macro(s, &name);
		mac_define(m, macid("client_addr"), buf_str(&s->client_addr));
		mac_define(m, macid("client_name"), buf_str(&name));
		mac_define(m, macid("client_ptr"), buf_str(&s->client_name));
		buf_free(&name);
		mac_define(m, macid("client_port"), port);
		if (s->o->daemon_name != NULL)
			mac_define(m, macid("client_resolve"), s->resolve);
	}
	s->no_etrn = s->o->daemon_flags != NULL && strchr(s->o->daemon_flags, 'E') != NULL;
	s->need_auth = s->o->daemon_flags != NULL && strchr(s->o->daemon_flags, 'a') != NULL &&
		       strchr(s->o->daemon_flags, 'A') == NULL;
	/* -bs runs with the flags the reference gives it (its qf files keep them) */
	mac_define(m, macid("daemon_flags"),
		   s->o->daemon_flags != NULL ? s->o->daemon_flags : "c u");
}

void client_check_relay(session_t *s)
{
	verdict_t v;
	char qid[sizeof s->qid];
	const char *name;

	if (s->o->daemon_name == NULL)
		return;
	verdict_init(&v);
	memcpy(qid, s->qid, sizeof qid);
	s->qid[0] = '\0';           /* logged before a queue id exists */
	log_set_qid(NULL);
	name = mac_get(&s->cf->mac, macid("client_name"));
	policy_check(s, "check_relay", name != NULL ? name : buf_str(&s->client_name),
		     buf_str(&s->client_addr), &v);
	memcpy(s->qid, qid, sizeof qid);
	log_set_qid(s->qid);
	s->conn_discard = v.discard;

	if (v.code != 0) {
		s->conn_code = v.code;
		snprintf(s->conn_dsn, sizeof s->conn_dsn, "%s", v.dsn);
		buf_set(&s->conn_text, buf_str(&v.text));
	}
	verdict_free(&v);
}
