/* biff.c - tell the comsat ("biff") service on this host that mail
 * arrived: one UDP datagram "user@offset:mailbox" to the port
 * /etc/services gives biff/udp, on 127.0.0.1.  Best effort: any failure
 * is ignored.  The services file is read here instead of through
 * getservbyname(): the C library would first look for NSS modules
 * (Debian's "services: db files" tries to load libnss_db along every
 * library path, some sixty failed opens) for each delivery. */
#include "mail_local.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define SERVICES_FILE "/etc/services"

void biff_notify(const char *user, off_t offset, const char *path);
int biff_port_in(const char *line);

/* "name port/proto aliases... # comment": the port when the line is
 * biff's (by name or alias) over udp, else 0 */
int biff_port_in(const char *line)
{
	char copy[1024], *save = NULL, *w, *slash, *end;
	long port;

	if (strlen(line) >= sizeof copy)
		return 0;
	memcpy(copy, line, strlen(line) + 1);
	if ((w = strchr(copy, '#')) != NULL)
		*w = '\0';
	w = strtok_r(copy, " \t\r\n", &save);
	if (w == NULL)
		return 0;
	{
		bool named = strcmp(w, "biff") == 0;
		char *pp = strtok_r(NULL, " \t\r\n", &save);
		if (pp == NULL || (slash = strchr(pp, '/')) == NULL || strcmp(slash + 1, "udp") != 0)
			return 0;
		*slash = '\0';
		port = strtol(pp, &end, 10);
		if (end == pp || *end != '\0' || port <= 0 || port > 65535)
			return 0;
		while (!named && (w = strtok_r(NULL, " \t\r\n", &save)) != NULL)
			named = strcmp(w, "biff") == 0;
		return named ? (int)port : 0;
	}
}

static int biff_port(void)
{
	FILE *f = fopen(SERVICES_FILE, "re");
	char line[1024];
	int port = 0;

	if (f == NULL)
		return 0;
	while (port == 0 && fgets(line, sizeof line, f) != NULL) {
		size_t n = strlen(line);
		if (n > 0 && line[n - 1] != '\n' && !feof(f)) {
			int c;       /* longer than any services line: skipped */
			while ((c = getc(f)) != EOF && c != '\n')
				;
			continue;
		}
		port = biff_port_in(line);
	}
	fclose(f);
	return port;
}

void biff_notify(const char *user, off_t offset, const char *path)
{
	int port = biff_port();
	struct sockaddr_in sin;
	buf_t msg = BUF_INIT(4096);
	int s;

	if (port == 0)
		return;
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons((in_port_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	buf_printf(&msg, "%s@%lld:%s\n", user, (long long)offset, path);
	s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s >= 0) {
		(void)!sendto(s, msg.p, msg.len, 0, (struct sockaddr *)&sin, sizeof sin);
		close(s);
	}
	buf_free(&msg);
}
