/* testcmd.c - the "/" commands of address test mode:
 * /tryflags /try /parse /sender /map /mx /canon /expand /header /quit */
#include "testmode/testcmd.h"
#include "addr/parseaddr.h"
#include "addr/crack.h"
#include "addr/header.h"
#include "dns/dns.h"
#include "maps/map.h"
#include "rewrite/rewrite.h"
#include "lib/str.h"
#include "lib/exitstat.h"
#include <ctype.h>
#include <string.h>
#include <sysexits.h>

static char *skip_blanks(char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	return p;
}

/* split "cmd rest": returns rest (may be "") */
static char *split_word(char *p)
{
	while (*p && !isspace((unsigned char)*p))
		p++;
	if (*p)
		*p++ = '\0';
	return skip_blanks(p);
}

static void cmd_tryflags(tm_t *tm, char *arg)
{
	int i;
	if (*arg == '\0') {
		fprintf(tm->out, "Usage: /tryflags [Hh|Ee][Ss|Rr]\n");
		return;
	}
	tm->tf[0] = 'E';
	tm->tf[1] = 'R';
	for (i = 0; arg[i]; i++) {
		switch (arg[i]) {
		case 'H': case 'h': tm->tf[0] = 'H'; break;
		case 'E': case 'e': tm->tf[0] = 'E'; break;
		case 'S': case 's': tm->tf[1] = 'S'; break;
		case 'R': case 'r': tm->tf[1] = 'R'; break;
		}
	}
	tm->tf[2] = '\0';
	tm->tryflags = tm->tf;
}

static unsigned flags_of(tm_t *tm)
{
	unsigned f = 0;
	if (tm->tryflags[0] == 'H')
		f |= RF_HEADERADDR;
	if (tm->tryflags[1] == 'S')
		f |= RF_SENDERADDR;
	else
		f |= RF_RECIPADDR;
	return f;
}

static const char *what_of(unsigned f)
{
	if (f & RF_HEADERADDR)
		return f & RF_SENDERADDR ? "header sender" : "header recipient";
	return f & RF_SENDERADDR ? "envelope sender" : "envelope recipient";
}

static void cmd_try(tm_t *tm, char *arg)
{
	char *addr;
	mailer_t *m;
	unsigned f = flags_of(tm);
	buf_t res = BUF_INIT(0);
	int rcode;

	addr = split_word(arg);
	if (*arg == '\0' || *addr == '\0') {
		fprintf(tm->out, "Usage: /try mailer address\n");
		return;
	}
	m = cf_mailer(tm->cf, arg);
	if (m == NULL) {
		fprintf(tm->out, "Unknown mailer %s\n", arg);
		return;
	}
	fprintf(tm->out, "Trying %s address %s for mailer %s\n", what_of(f), addr, arg);
	rcode = remotename(tm->cf, tm->out, addr, m, f, &res);
	fprintf(tm->out, "Rcode = %d, addr = %s\n", rcode, buf_str(&res));
	buf_free(&res);
}

static void cmd_parse(tm_t *tm, char *arg, int sender)
{
	unsigned f = flags_of(tm);
	addr_t a;
	buf_t cracked = BUF_INIT(0);
	int st;

	if (*arg == '\0') {
		fprintf(tm->out, "Usage: /%s address\n", sender ? "sender" : "parse");
		return;
	}
	if (sender)
		f = RF_RECIPADDR;
	if (!sender) {
		crackaddr(arg, &cracked);
		fprintf(tm->out, "Cracked address = ");
		{
			tok_t t = tok_word(buf_str(&cracked));
			tok_print_one(tm->out, &t);
		}
		fprintf(tm->out, "\nParsing %s address\n", what_of(f));
	}
	buf_free(&cracked);
	st = parseaddr(tm->cf, tm->out, arg, f, &a);
	if (st < 0) {
		fprintf(tm->out, "Cannot parse\n");
		return;
	}
	if (a.exitstat)
		sm_set_exitstat(a.exitstat);
	if (sender) {
		buf_t res = BUF_INIT(0);
		sender_name(tm->cf, tm->out, arg, &res);
		fprintf(tm->out, "addr=%s\n", a.user ? a.user : "");
		buf_free(&res);
	}
	if (!sender) {
		fprintf(tm->out, "mailer %s, ", a.mailer_name ? a.mailer_name : "?");
		if (a.host && *a.host)
			fprintf(tm->out, "host %s, ", a.host);
		fprintf(tm->out, "user %s\n", a.user ? a.user : "");
	}
	addr_free(&a);
}

static void cmd_map(tm_t *tm, char *arg)
{
	char *key;
	map_t *m;
	buf_t out = BUF_INIT(0);
	int st, found;

	key = split_word(arg);
	if (*arg == '\0' || *key == '\0') {
		fprintf(tm->out, "Usage: /map mapname key\n");
		return;
	}
	m = map_find(arg);
	if (m == NULL) {
		fprintf(tm->out, "Map named \"%s\" not found\n", arg);
		return;
	}
	if (map_usable(m) == MAP_UNAVAIL) {
		fprintf(tm->out, "Map named \"%s\" not open\n", arg);
		return;
	}
	fprintf(tm->out, "map_lookup: %s (%s) ", arg, key);
	found = map_lookup(m, key, NULL, 0, &out, &st);
	if (found)
		fprintf(tm->out, "returns %s (%d)\n", buf_str(&out), st);
	else
		fprintf(tm->out, "no match (%d)\n", st);
	buf_free(&out);
}

static void print_dns_messages(tm_t *tm)
{
	buf_t m = BUF_INIT(0);
	dns_take_messages(&m);
	if (m.len)
		fputs(buf_str(&m), tm->out);
	buf_free(&m);
}

static void cmd_mx(tm_t *tm, char *arg)
{
	char *mx[DNS_MAXMXHOSTS];
	int n, i, rc;

	if (*arg == '\0') {
		fprintf(tm->out, "Usage: /mx address\n");
		return;
	}
	n = dns_getmxrr(arg, mx, NULL, DNS_MAXMXHOSTS, false, &rc);
	print_dns_messages(tm);
	if (n == DNS_NULLMX) {
		fprintf(tm->out, "getmxrr(%s) returns null MX (See RFC7505)\n", arg);
		return;
	}
	fprintf(tm->out, "getmxrr(%s) returns %d value(s):\n", arg, n);
	for (i = 0; i < n; i++)
		fprintf(tm->out, "\t%s\n", mx[i]);
	if (n > 0)
		dns_free_mx(mx, n);
}

static void cmd_canon(tm_t *tm, char *arg)
{
	char host[DNS_MAXNAME];
	int st;

	if (*arg == '\0') {
		fprintf(tm->out, "Usage: /canon address\n");
		return;
	}
	if (strlen(arg) >= sizeof host) {
		fprintf(tm->out, "Name too long\n");
		return;
	}
	sm_strlcpy(host, arg, sizeof host);
	dns_getcanonname(host, sizeof host, true, &st);
	print_dns_messages(tm);
	fprintf(tm->out, "getcanonname(%s) returns %s\n", arg, host);
}

static void cmd_header(tm_t *tm, char *arg)
{
	if (*arg == '\0') {
		fprintf(tm->out, "Usage: /header header-line\n");
		return;
	}
	fprintf(tm->out, "ul = 0x%08lx\n", header_flags_of(tm->cf, arg));
}

void tm_slash(tm_t *tm, char *line)
{
	char *arg = split_word(line);

	if (strcmp(line, "/tryflags") == 0)
		cmd_tryflags(tm, arg);
	else if (strcmp(line, "/try") == 0)
		cmd_try(tm, arg);
	else if (strcmp(line, "/parse") == 0)
		cmd_parse(tm, arg, 0);
	else if (strcmp(line, "/sender") == 0)
		cmd_parse(tm, arg, 1);
	else if (strcmp(line, "/map") == 0)
		cmd_map(tm, arg);
	else if (strcmp(line, "/mx") == 0)
		cmd_mx(tm, arg);
	else if (strcmp(line, "/canon") == 0)
		cmd_canon(tm, arg);
	else if (strcmp(line, "/header") == 0)
		cmd_header(tm, arg);
	else if (strcmp(line, "/expand") == 0)
		fputs(arg, tm->out);
	else if (strcmp(line, "/gethostbyname") == 0)
		;
	else if (strcmp(line, "/quit") == 0)
		tm->quit = 1;
	else
		fprintf(tm->out, "Unknown \"/\" command %s\n", line);
}
