/* biff.c - tell the comsat ("biff") service on this host that mail
 * arrived: one UDP datagram "user@offset:mailbox" to the port
 * getservbyname("biff", "udp") names, on 127.0.0.1.  Best effort: any
 * failure is ignored. */
#include "mail_local.h"
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void biff_notify(const char *user, off_t offset, const char *path);

void biff_notify(const char *user, off_t offset, const char *path)
{
	struct servent *sp = getservbyname("biff", "udp");
	struct sockaddr_in sin;
	buf_t msg = BUF_INIT(4096);
	int s;

	if (sp == NULL)
		return;
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = (in_port_t)sp->s_port;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	buf_printf(&msg, "%s@%lld:%s\n", user, (long long)offset, path);
	s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s >= 0) {
		(void)!sendto(s, msg.p, msg.len, 0, (struct sockaddr *)&sin, sizeof sin);
		close(s);
	}
	buf_free(&msg);
}
