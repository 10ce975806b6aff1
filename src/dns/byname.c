/* byname.c - a host name's addresses through the name service switch
 * (gethostbyname2_r, as the reference asks; getaddrinfo would also read
 * gai.conf, dump the interfaces over netlink and connect a UDP socket
 * per answer to sort them), with a buffer grown as the answer needs. */
#include "dns/dns.h"
#include "dns/dns_int.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define BYNAME_START 2048
#define BYNAME_MAX   (1024 * 1024)

struct hostent *dns_hostbyname(const char *name, int fam, struct hostent *he, char **buf,
			       int *herr)
{
	struct hostent *hp = NULL;
	size_t cap = BYNAME_START;
	int rc;

	for (;;) {
		*buf = xrealloc(*buf, cap);
		rc = gethostbyname2_r(name, fam, he, *buf, cap, &hp, herr);
		if (rc != ERANGE || cap >= BYNAME_MAX)
			break;
		cap *= 4;
	}
	return rc == 0 ? hp : NULL;
}

bool dns_name_has_addr(const char *name, int fam, const void *addr)
{
	struct hostent he, *hp;
	char *buf = NULL;
	size_t n = fam == AF_INET ? 4 : 16;
	int herr = 0;
	bool found = false;

	hp = dns_hostbyname(name, fam, &he, &buf, &herr);
	if (hp != NULL && hp->h_addrtype == fam && (size_t)hp->h_length == n)
		for (char **p = hp->h_addr_list; *p != NULL && !found; p++)
			found = memcmp(*p, addr, n) == 0;
	free(buf);
	return found;
}
