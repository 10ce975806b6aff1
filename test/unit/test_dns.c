/*
 * test_dns.c -- unit tests for src/dns/ (the parts that do not need a
 * name server), plus a small demo driver for comparing with the reference
 * inside the oracle sandbox:
 *
 *     test_dns --bt < lines   # "/mx H", "/canon H", "/map host|resolve K"
 *     test_dns --self [--probe]   # the identity computed at startup
 *
 * --bt prints what the reference's address test mode prints for those
 * commands (prompts included), so its output can be diffed with
 * "sendmail -bt" fed the same lines.
 */
#include "tap.h"

#include "dns/dns.h"
#include "lib/buf.h"
#include "lib/str.h"

#include <netdb.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

/* ------------------------------------------------------------ demo mode */

static struct sm_self g_self;

static bool self_has(const char *word, void *arg)
{
	size_t i;

	(void)arg;
	for (i = 0; i < g_self.nclassw; i++)
		if (strcasecmp(g_self.classw[i], word) == 0)
			return true;
	return false;
}

static void print_msgs(void)
{
	buf_t m = BUF_INIT(0);

	dns_take_messages(&m);
	fputs(buf_str(&m), stdout);
	buf_free(&m);
}

static void demo_mx(const char *host)
{
	char *mx[DNS_MAXMXHOSTS];
	int rcode, n, i;

	n = dns_getmxrr(host, mx, NULL, DNS_MAXMXHOSTS, false, &rcode);
	print_msgs();
	if (n == DNS_NULLMX) {
		printf("getmxrr(%s) returns null MX (See RFC7505)\n", host);
		return;
	}
	printf("getmxrr(%s) returns %d value(s):\n", host, n);
	for (i = 0; i < n; i++)
		printf("\t%s\n", mx[i]);
	if (n > 0)
		dns_free_mx(mx, n);
}

static void demo_canon(const char *host)
{
	char buf[DNS_MAXNAME];
	int st;

	sm_strlcpy(buf, host, sizeof buf);
	(void)dns_getcanonname(buf, sizeof buf, true, &st);
	print_msgs();
	printf("getcanonname(%s) returns %s\n", host, buf);
}

static void demo_map(const char *name, const char *app, const char *key)
{
	buf_t out = BUF_INIT(0), msg = BUF_INIT(0);
	int st, found;

	if (*key == '\0') {
		printf("No key specified\n");
		return;
	}
	printf("map_lookup: %s (%s) ", name, key);
	found = dns_host_map_lookup(key, &out, &st, &msg);
	fputs(buf_str(&msg), stdout);
	if (found)
		printf("returns %s%s (%d)\n", buf_str(&out), app, st);
	else
		printf("no match (%d)\n", st);
	buf_free(&out);
	buf_free(&msg);
}

static int demo_bt(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	dns_self_identity(&g_self, false);
	dns_set_local_check(self_has, NULL);
	printf("ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\n"
	       "Enter <ruleset> <address>\n");
	while ((len = getline(&line, &cap, stdin)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		printf("> ");
		if (strncmp(line, "/mx ", 4) == 0)
			demo_mx(line + 4);
		else if (strncmp(line, "/canon ", 7) == 0)
			demo_canon(line + 7);
		else if (strncmp(line, "/map host ", 10) == 0)
			demo_map("host", ".", line + 10);
		else if (strncmp(line, "/map resolve ", 13) == 0)
			demo_map("resolve", "<OKR>", line + 13);
		else if (strcmp(line, "/map host") == 0)
			demo_map("host", ".", "");
		else
			printf("?\n");
		fflush(stdout);
	}
	printf("> ");
	free(line);
	dns_self_free(&g_self);
	return 0;
}

static void print_list(const char *label, char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s %s\n", label, v[i]);
}

static int demo_self(bool probe)
{
	buf_t w = BUF_INIT(0);
	size_t i;

	dns_self_identity(&g_self, probe);
	printf("Canonical name: %s\n UUCP nodename: %s\n", g_self.j,
	       g_self.k);
	printf("$w = %s\n$j = %s\n$m = %s\n$k = %s\n", g_self.w,
	       g_self.j, g_self.m[0] ? g_self.m : "<null>",
	       g_self.k);
	print_list("class w:", g_self.classw, g_self.nclassw);
	print_list("class k:", g_self.classk, g_self.nclassk);
	print_list("class m:", g_self.classm, g_self.nclassm);
	for (i = 0; i < g_self.nprobe; i++)
		printf("probe: %s%s\n", g_self.probe[i].word,
		       g_self.probe[i].with_bracket ? " (+[name])" : "");
	for (i = 0; i < g_self.nlogs; i++)
		printf("syslog %d: %s\n", g_self.logs[i].priority,
		       g_self.logs[i].text);
	if (g_self.unqualified) {
		dns_unqualified_warning(g_self.j, &w);
		printf("%s\n", buf_str(&w));
	}
	buf_free(&w);
	dns_self_free(&g_self);
	return 0;
}

/* ------------------------------------------------------------ unit tests */

static void test_shorten(void)
{
	char b[64];

	is_str(dns_shorten("abcdefghijklmno.tempfail.example", 33, b, sizeof b),
	       "abcdefghijklmno.tempfail.example", "32 chars kept");
	is_str(dns_shorten("abcdefghijklmnop.tempfail.example", 33, b, sizeof b),
	       "abcdefghijklmno...empfail.example", "33 chars shortened");
	is_str(dns_shorten("a.very.long.name.that.is.longer.than.thirty.three.chars.tempfail.example",
			   33, b, sizeof b),
	       "a.very.long.nam...empfail.example", "long name shortened");
}

static void test_literals(void)
{
	unsigned char a[16];
	char out[64];

	is_int(dns_parse_literal("192.0.2.25", a), AF_INET, "dotted quad");
	is_int(dns_parse_literal("127.1", a), AF_INET, "inet_addr short form");
	is_int(dns_parse_literal("0x7f.1", a), AF_INET, "inet_addr hex form");
	is_int(dns_parse_literal("255.255.255.255", a), 0, "all-ones rejected");
	is_int(dns_parse_literal("300.1.1.1", a), 0, "octet too big");
	is_int(dns_parse_literal("192.0.2.25x", a), 0, "trailing junk");
	is_int(dns_parse_literal("IPv6:::1", a), AF_INET6, "IPv6: tag");
	is_int(dns_parse_literal("ipv6:::1", a), AF_INET6, "tag case-insensitive");
	is_int(dns_parse_literal("::1", a), AF_INET6, "bare IPv6");
	is_int(dns_parse_literal("IPv6:192.0.2.25", a), 0, "IPv6: tag on v4");
	is_int(dns_parse_literal("host1", a), 0, "a name");
	(void)dns_parse_literal("IPv6:2001:db8::25", a);
	dns_format_addr(AF_INET6, a, out, sizeof out);
	is_str(out, "IPv6:2001:db8:0:0:0:0:0:25", "IPv6 written uncompressed");
	(void)dns_parse_literal("::1", a);
	dns_format_addr(AF_INET6, a, out, sizeof out);
	is_str(out, "IPv6:0:0:0:0:0:0:0:1", "loopback uncompressed");
	(void)dns_parse_literal("192.0.2.25", a);
	dns_format_addr(AF_INET, a, out, sizeof out);
	is_str(out, "192.0.2.25", "IPv4 dotted");
}

static char g_hosts[64];

static void write_hosts(void)
{
	FILE *f;
	int fd;

	sm_strlcpy(g_hosts, "/tmp/test_dns_hostsXXXXXX", sizeof g_hosts);
	fd = mkstemp(g_hosts);
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (f == NULL)
		bail_out("cannot create temp hosts file");
	fputs("127.0.0.1\tlocalhost\n"
	      "::1\tlocalhost ip6-localhost ip6-loopback\n"
	      "192.0.2.25\tmail.example.com mail\n"
	      "# 10.9.9.9 commented.example.com commented\n"
	      "10.1.1.1\tshortfirst long.dotted.example\n"
	      "10.1.1.3\tUPPERHOST.Example.Com upperalias\n"
	      "10.1.1.6\ttxtonly  # trailing comment\n", f);
	fclose(f);
}

static const char *canon_files(const char *in, bool *found)
{
	static char buf[DNS_MAXNAME];
	int st;

	sm_strlcpy(buf, in, sizeof buf);
	*found = dns_getcanonname(buf, sizeof buf, false, &st);
	return buf;
}

static void test_hosts_file(void)
{
	bool f;

	write_hosts();
	dns_set_hosts_file(g_hosts);
	dns_set_host_services("files");
	dns_set_domain("example.com");
	is_str(canon_files("mail", &f), "mail.example.com", "alias -> canonical");
	ok(f, "alias found");
	is_str(canon_files("ip6-localhost", &f), "localhost.example.com",
	       "single-label result gets $m");
	is_str(canon_files("shortfirst", &f), "long.dotted.example",
	       "first dotted name is canonical");
	is_str(canon_files("upperhost.example.com", &f), "UPPERHOST.Example.Com",
	       "case-insensitive match, file's case kept");
	is_str(canon_files("mail.example", &f), "mail.example.com",
	       "leading part of $m matches by first label");
	is_str(canon_files("localhost.ex", &f), "localhost.ex",
	       "partial label of $m does not");
	ok(!f, "...and is not found");
	is_str(canon_files("UPPERHOST.example", &f), "UPPERHOST.example",
	       "first label must itself be a name on the line");
	is_str(canon_files("commented", &f), "commented", "comments ignored");
	is_str(canon_files("txtonly", &f), "txtonly.example.com",
	       "trailing comment ignored");
	is_str(canon_files("mail.", &f), "mail.example.com",
	       "trailing dot ignored");
	dns_set_domain(NULL);
	is_str(canon_files("ip6-localhost", &f), "localhost",
	       "no $m: single label cannot be qualified");
	ok(!f, "...so it fails");
	unlink(g_hosts);
}

static void test_map_literals(void)
{
	buf_t out = BUF_INIT(0), msg = BUF_INIT(0);
	int st = -1;

	is_int(dns_host_map_lookup("[192.0.2.25", &out, &st, &msg), 0,
	       "unbalanced literal: no match");
	is_int(st, 0, "...with status 0");
	dns_set_last_herrno(0);
	is_int(dns_host_map_lookup("[x]", &out, &st, &msg), 0, "bad literal");
	is_int(st, 69, "...status 69 when no resolver error happened");
	is_int(dns_host_map_lookup("[x]", &out, &st, &msg), 0, "cached");
	is_int(st, 69, "...same status from the cache");
	dns_set_last_herrno(TRY_AGAIN);
	is_int(dns_host_map_lookup("[y]", &out, &st, &msg), 0, "bad literal");
	is_int(st, 75, "...status 75 after a resolver timeout");
	is_str(buf_str(&msg), "[y]: Name server timeout\n", "timeout message");
	dns_host_cache_clear();
	buf_free(&out);
	buf_free(&msg);
}

static void test_mx_literals(void)
{
	char *mx[4];
	unsigned short pref[4];
	int rcode;

	is_int(dns_getmxrr("[192.0.2.25]", mx, pref, 4, false, &rcode), 1,
	       "address literal: one host");
	is_str(mx[0], "[192.0.2.25]", "...itself");
	dns_free_mx(mx, 1);
	is_int(dns_getmxrr("[IPv6:::1]", mx, pref, 4, false, &rcode), 1,
	       "IPv6 literal");
	is_str(mx[0], "[IPv6:::1]", "...itself, as written");
	dns_free_mx(mx, 1);
	is_int(dns_getmxrr("[garbage", mx, pref, 4, false, &rcode), 0,
	       "unbalanced literal: none");
}

static void test_warning(void)
{
	buf_t w = BUF_INIT(0);

	dns_unqualified_warning("vm", &w);
	is_str(buf_str(&w),
	       "WARNING: local host name (vm) is not qualified; see cf/README: WHO AM I?",
	       "unqualified warning text");
	buf_free(&w);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--bt") == 0)
		return demo_bt();
	if (argc > 1 && strcmp(argv[1], "--self") == 0)
		return demo_self(argc > 2 && strcmp(argv[2], "--probe") == 0);
	test_shorten();
	test_literals();
	test_hosts_file();
	test_map_literals();
	test_mx_literals();
	test_warning();
	return done_testing();
}
