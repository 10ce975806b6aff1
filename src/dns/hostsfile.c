/* hostsfile.c - the "files" service of host canonification: find the key
 * in the hosts file and return the line's canonical name (its first name
 * containing a dot, else its first name).  A dotted key whose domain part
 * is $m or a leading part of $m also matches by its first label
 * ("mail.example" finds the line naming "mail" when $m = example.com). */
#include "dns/dns.h"
#include "dns/dns_int.h"
#include "lib/str.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_NAMES 64

/* length of the key's first label when its remainder names our domain,
 * else 0 */
static size_t short_key_len(const char *key)
{
	const char *dot = strchr(key, '.');
	const char *m = dns_get_domain();
	size_t rest;

	if (dot == NULL || m == NULL || dot[1] == '\0')
		return 0;
	rest = strlen(dot + 1);
	if (strncasecmp(dot + 1, m, rest) != 0)
		return 0;
	if (m[rest] != '\0' && m[rest] != '.')
		return 0;
	return (size_t)(dot - key);
}

/* split line (comment removed) into words; returns the count */
static int split_words(char *line, char **w, int max)
{
	int n = 0;
	char *p = strchr(line, '#');

	if (p != NULL)
		*p = '\0';
	p = line;
	while (n < max) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		w[n++] = p;
		while (*p != '\0' && !isspace((unsigned char)*p))
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
	return n;
}

static bool word_matches(const char *w, const char *key, size_t shortlen)
{
	if (strcasecmp(w, key) == 0)
		return true;
	return shortlen > 0 && strlen(w) == shortlen &&
	       strncasecmp(w, key, shortlen) == 0;
}

/* the canonical name of a matching line: first dotted name, else first */
static const char *line_canon(char **w, int n)
{
	int i;

	for (i = 1; i < n; i++)
		if (strchr(w[i], '.') != NULL)
			return w[i];
	return w[1];
}

static bool line_match(char *line, const char *key, size_t shortlen,
		       char *host, size_t hbsize)
{
	char *w[MAX_NAMES];
	int n = split_words(line, w, MAX_NAMES), i;

	for (i = 1; i < n; i++) {
		if (!word_matches(w[i], key, shortlen))
			continue;
		return sm_strlcpy(host, line_canon(w, n), hbsize) < hbsize;
	}
	return false;
}

bool dns_canon_files(char *host, size_t hbsize, int *statp)
{
	FILE *f = fopen(dns_hosts_file(), "r");
	char key[NS_MAXDNAME];
	char *line = NULL;
	size_t cap = 0, shortlen, klen;
	bool found = false;

	if (f == NULL) {
		*statp = DNS_EX_UNAVAILABLE;
		return false;
	}
	sm_strlcpy(key, host, sizeof key);
	klen = strlen(key);
	if (klen > 0 && key[klen - 1] == '.')
		key[klen - 1] = '\0';
	shortlen = short_key_len(key);
	while (!found && getline(&line, &cap, f) > 0)
		found = line_match(line, key, shortlen, host, hbsize);
	free(line);
	fclose(f);
	*statp = found ? DNS_EX_OK : DNS_EX_NOHOST;
	return found;
}
