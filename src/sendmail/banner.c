/* banner.c - the -d0.1 identity banner: version, compile options and
 * the system identity after the cf is read, in the reference's layout. */
#include "sendmail/init.h"
#include <stdio.h>
#include <string.h>

/* what this build offers, named as the reference names such options
 * (the reference's list less NIS, NISPLUS, TCPWRAPPERS, USERDB and XDEBUG,
 * which this implementation does not have: doc/differences.md) */
static const char *const features[] = {
	"DNSMAP", "IPV6_FULL", "LDAPMAP", "LDAP_NETWORK_TIMEOUT", "LDAP_REFERRALS",
	"LOG", "MAP_REGEX", "MATCHGECOS", "MAXDAEMONS=64", "MILTER", "MIME7TO8",
	"MIME8TO7", "NAMED_BIND", "NETINET", "NETINET6", "NETUNIX", "NEWDB=5.3",
	"PIPELINING", "SASLv2", "SCANF", "SOCKETMAP", "STARTTLS", "TLS_EC",
	"TLS_VRFY_PER_CTX", "USE_LDAP_INIT", NULL
};

#define BANNER_WIDTH 72

static void print_features(FILE *f)
{
	int pos = fprintf(f, " Compiled with:"), i;
	for (i = 0; features[i]; i++) {
		int len = (int)strlen(features[i]);
		if (pos + 1 + len > BANNER_WIDTH) {
			fputs("\n\t\t", f);
			pos = 8 + fprintf(f, "%s", features[i]);
			continue;
		}
		pos += fprintf(f, " %s", features[i]);
	}
	fputc('\n', f);
}

static const char *mv(cf_t *cf, const char *name)
{
	const char *v = mac_get(&cf->mac, macid(name));
	return v ? v : "";
}

void sm_banner(cf_t *cf, FILE *f)
{
	fprintf(f, "Version %s\n", SM_VERSION);
	print_features(f);
	fprintf(f, "\n============ SYSTEM IDENTITY (after readcf) ============\n");
	fprintf(f, "      (short domain name) $w = %s\n", mv(cf, "w"));
	fprintf(f, "  (canonical domain name) $j = %s\n", mv(cf, "j"));
	fprintf(f, "         (subdomain name) $m = %s\n", mv(cf, "m"));
	fprintf(f, "              (node name) $k = %s\n", mv(cf, "k"));
	fprintf(f, "========================================================\n\n");
}
