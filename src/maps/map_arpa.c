/* map_arpa.c - the arpa map class: the name a PTR query would ask for,
 * without "in-addr.arpa" / "ip6.arpa".
 *
 * "1.2.3.4" gives "4.3.2.1"; "IPv6:2001:db8::1" (prefix in any case)
 * gives the 32 nibbles of the address, lowest first, in lowercase hex.
 * Anything else (a bare IPv6 address, a short or padded dotted quad) is
 * no match with status 65 (EX_DATAERR), which -T does not turn into a
 * temporary failure. */
#include "maps/map.h"
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define ARPA_DATAERR 65
#define IPV6_TAG "IPv6:"

static void reverse_v4(const unsigned char a[4], buf_t *out)
{
	char part[8];
	int i;

	for (i = 3; i >= 0; i--) {
		int n = snprintf(part, sizeof part, i > 0 ? "%u." : "%u", a[i]);
		buf_add(out, part, (size_t)n);
	}
}

static void reverse_v6(const unsigned char a[16], buf_t *out)
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 15; i >= 0; i--) {
		buf_addc(out, hex[a[i] & 0xf]);
		buf_addc(out, '.');
		buf_addc(out, hex[a[i] >> 4]);
		if (i > 0)
			buf_addc(out, '.');
	}
}

/* the reversed form of key into val; false when key is not an address */
static bool arpa_reverse(const char *key, buf_t *val)
{
	unsigned char a[16];
	size_t tag = sizeof IPV6_TAG - 1;

	if (strncasecmp(key, IPV6_TAG, tag) == 0) {
		if (inet_pton(AF_INET6, key + tag, a) != 1)
			return false;
		reverse_v6(a, val);
		return true;
	}
	if (inet_pton(AF_INET, key, a) != 1)
		return false;
	reverse_v4(a, val);
	return true;
}

static int arpa_lookup(map_t *m, const char *key, const char **args, int nargs,
		       buf_t *out, int *stat)
{
	buf_t val = BUF_INIT(0);
	bool found = arpa_reverse(key, &val);

	if (!found)
		*stat = ARPA_DATAERR;
	else if (m->flags & MF_MATCHONLY)
		map_rewrite(m, key, strlen(key), key, args, nargs, out);
	else
		map_rewrite(m, buf_str(&val), val.len, key, args, nargs, out);
	buf_free(&val);
	return found;
}

const map_class_t map_class_arpa = {
	"arpa", NULL, NULL, NULL, NULL, arpa_lookup, NULL, 0
};
