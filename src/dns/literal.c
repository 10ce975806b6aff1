/* literal.c - address literals and the way the reference writes them:
 * parsing "[...]" contents, formatting addresses for class w ("IPv6:"
 * plus eight uncompressed groups), and shortening long names for
 * messages. */
#include "dns/dns.h"
#include "lib/str.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int dns_parse_literal(const char *s, unsigned char addr[16])
{
	struct in_addr in;

	if (strncasecmp(s, "IPv6:", 5) == 0)
		return inet_pton(AF_INET6, s + 5, addr) == 1 ? AF_INET6 : 0;
	/* inet_addr() semantics: all-ones is its error value */
	if (inet_aton(s, &in) != 0 && in.s_addr != INADDR_NONE) {
		memcpy(addr, &in, 4);
		return AF_INET;
	}
	if (inet_pton(AF_INET6, s, addr) == 1)
		return AF_INET6;
	return 0;
}

void dns_format_addr(int family, const unsigned char *addr, char *out,
		     size_t outsz)
{
	if (outsz == 0)
		return;
	out[0] = '\0';
	if (family == AF_INET) {
		if (inet_ntop(AF_INET, addr, out, (socklen_t)outsz) == NULL)
			out[0] = '\0';
		return;
	}
	if (family != AF_INET6)
		return;
	(void)snprintf(out, outsz, "IPv6:%x:%x:%x:%x:%x:%x:%x:%x",
		       (unsigned)(addr[0] << 8 | addr[1]),
		       (unsigned)(addr[2] << 8 | addr[3]),
		       (unsigned)(addr[4] << 8 | addr[5]),
		       (unsigned)(addr[6] << 8 | addr[7]),
		       (unsigned)(addr[8] << 8 | addr[9]),
		       (unsigned)(addr[10] << 8 | addr[11]),
		       (unsigned)(addr[12] << 8 | addr[13]),
		       (unsigned)(addr[14] << 8 | addr[15]));
}

const char *dns_shorten(const char *s, size_t m, char *buf, size_t bsize)
{
	size_t len = strlen(s), half;

	if (m < 3)
		m = 3;
	if (len < m)
		return s;
	half = (m - 3) / 2;
	if (bsize < 2 * half + 4)
		return s;
	memcpy(buf, s, half);
	memcpy(buf + half, "...", 3);
	memcpy(buf + half + 3, s + len - half, half);
	buf[2 * half + 3] = '\0';
	return buf;
}
