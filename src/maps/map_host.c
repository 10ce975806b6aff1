/* map_host.c - the host map class behind $[ $] and "K... host":
 * canonical host names through the resolver (src/dns). */
#include "maps/map.h"
#include "dns/dns.h"
#include <stdio.h>
#include <sysexits.h>

/* where the resolver's notes go: the terminal, except in an SMTP session */
static bool quiet;

void map_host_quiet(bool on)
{
	quiet = on;
}

static int host_lookup(map_t *m, const char *key, const char **args, int nargs,
		       buf_t *out, int *stat)
{
	buf_t name = BUF_INIT(0), msg = BUF_INIT(0);
	int found;

	found = dns_host_map_lookup(key, &name, stat, &msg);
	if (msg.len > 0 && !quiet)
		fputs(buf_str(&msg), stdout);
	if (found)
		map_rewrite(m, buf_str(&name), name.len, key, args, nargs, out);
	buf_free(&name);
	buf_free(&msg);
	return found;
}

const map_class_t map_class_host = { "host", NULL, NULL, NULL, NULL, host_lookup, NULL, 0 };
