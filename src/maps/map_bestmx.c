/* map_bestmx.c - the bestmx map class: the best MX host of a domain.
 *
 * "Kname bestmx [-z delim]": the key is a domain name, looked up as
 * given (the resolver's search list and default domain are off for the
 * query, so "mx" is not "mx.$m"); the answer is the most preferred MX
 * host with its trailing dot, this host first when it is among the most
 * preferred, and equal preferences in an order that is the same in
 * every process.  With -z every MX host is returned, joined by the
 * delimiter.  A domain without MX records answers with its own
 * canonical name; an address literal with itself.  No match is status
 * 68, a null MX 69, a resolver failure 75 (so -T applies). */
#include "maps/map.h"
#include "dns/dns.h"
#include "dns/dns_int.h"
#include <resolv.h>
#include <string.h>

/* the MX list of name without the search list: count, or <= 0 */
static int mx_list_as_given(const char *name, char **mx, int *rcode)
{
	res_state rs = dns_res();
	unsigned long saved = 0;
	int n;

	if (rs != NULL) {
		saved = rs->options;
		rs->options &= ~(unsigned long)(RES_DNSRCH | RES_DEFNAMES);
	}
	n = dns_getmxrr_opts(name, mx, NULL, DNS_MAXMXHOSTS, DNS_MX_FIXED, rcode);
	if (rs != NULL)
		rs->options = saved;
	return n;
}

static int bestmx_lookup(map_t *m, const char *key, const char **args, int nargs,
			 buf_t *out, int *stat)
{
	char *mx[DNS_MAXMXHOSTS];
	buf_t val = BUF_INIT(0);
	int n, i, rcode = DNS_EX_OK, delim = map_coldelim_char(m);

	n = mx_list_as_given(key, mx, &rcode);
	if (n <= 0) {
		*stat = rcode != DNS_EX_OK ? rcode : MAP_NOTFOUND;
		return 0;
	}
	for (i = 0; i < n && (i == 0 || delim != '\0'); i++) {
		if (i > 0)
			buf_addc(&val, (char)delim);
		buf_adds(&val, mx[i]);
	}
	dns_free_mx(mx, n);
	if (m->flags & MF_MATCHONLY)
		map_rewrite(m, key, strlen(key), key, args, nargs, out);
	else
		map_rewrite(m, buf_str(&val), val.len, key, args, nargs, out);
	buf_free(&val);
	return 1;
}

const map_class_t map_class_bestmx = {
	"bestmx", NULL, NULL, NULL, NULL, bestmx_lookup, NULL, 0
};
