/* settings.c - the knobs the rest of the MTA sets for this module:
 * $m, $j, the hosts file, the service switch file and the service order
 * for host lookups read from it, and the
 * class-w membership test. */
#include "dns/dns.h"
#include "dns/dns_int.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SERVICE_SWITCH "/etc/mail/service.switch"

static char *g_switch_file;     /* ServiceSwitchFile; NULL the default */
static char *g_domain;
static char *g_myhost;
static char *g_hosts_file;
static char g_services[8];
static bool g_services_set;
static dns_class_has_fn g_local_fn;
static void *g_local_arg;

static void set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s != NULL ? xstrdup(s) : NULL;
}

void dns_set_domain(const char *m)
{
	set_str(&g_domain, m);
}

const char *dns_get_domain(void)
{
	return g_domain;
}

void dns_set_myhostname(const char *j)
{
	set_str(&g_myhost, j);
}

const char *dns_myhostname(void)
{
	return g_myhost != NULL ? g_myhost : "";
}

void dns_set_hosts_file(const char *path)
{
	set_str(&g_hosts_file, path);
}

const char *dns_hosts_file(void)
{
	return g_hosts_file != NULL ? g_hosts_file : "/etc/hosts";
}

/* parse "dns files ..." into g_services ('d'/'f' letters) */
static void parse_services(const char *spec)
{
	size_t n = 0;
	const char *p = spec;

	while (*p != '\0' && n + 1 < sizeof g_services) {
		size_t len;

		while (*p != '\0' && (isspace((unsigned char)*p) || *p == ','))
			p++;
		len = strcspn(p, " \t\r\n,");
		if (len == 3 && strncmp(p, "dns", 3) == 0)
			g_services[n++] = 'd';
		else if (len == 5 && strncmp(p, "files", 5) == 0)
			g_services[n++] = 'f';
		p += len;
	}
	g_services[n] = '\0';
	g_services_set = true;
}

void dns_set_host_services(const char *spec)
{
	parse_services(spec != NULL ? spec : "dns files");
}

void dns_set_switch_file(const char *path)
{
	set_str(&g_switch_file, path);
	g_services_set = false;     /* read again, from this file */
}

/* the "hosts" line of the service switch file, or the default */
static void load_services(void)
{
	FILE *f = fopen(g_switch_file != NULL ? g_switch_file : SERVICE_SWITCH, "r");
	char *line = NULL;
	size_t cap = 0;

	parse_services("dns files");
	if (f == NULL)
		return;
	while (getline(&line, &cap, f) > 0) {
		char *p = line;

		while (isspace((unsigned char)*p))
			p++;
		if (strncmp(p, "hosts", 5) != 0 ||
		    !(isspace((unsigned char)p[5]) || p[5] == ':'))
			continue;
		parse_services(p + 6);
		break;
	}
	free(line);
	fclose(f);
}

const char *dns_services(void)
{
	if (!g_services_set)
		load_services();
	return g_services;
}

void dns_set_local_check(dns_class_has_fn fn, void *arg)
{
	g_local_fn = fn;
	g_local_arg = arg;
}

bool dns_is_local(const char *name)
{
	return g_local_fn != NULL && g_local_fn(name, g_local_arg);
}
