/* self.c - the host's own identity as the reference computes it at
 * startup: $j from the host name (looked up IPv6 first, then IPv4), $w,
 * $m, $k, the words it puts in classes w/k/m before reading the cf, and
 * the interface addresses (IPv4, interfaces up) and their names that it
 * adds afterwards unless DontProbeInterfaces is set.  Never sleeps. */
#include "dns/dns.h"
#include "dns/dns_int.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <syslog.h>
#include <unistd.h>

struct hostinfo {
	char *name;
	char **aliases; size_t n_aliases;
	char **addrs;   size_t n_addrs;    /* "[...]" forms */
};

static void push(char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

static void free_vec(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void add_log(struct sm_self *self, int pri, const char *text)
{
	self->logs = xrealloc(self->logs, (self->nlogs + 1) * sizeof *self->logs);
	self->logs[self->nlogs].priority = pri;
	self->logs[self->nlogs].text = xstrdup(text);
	self->nlogs++;
}

static void add_probe(struct sm_self *self, const char *word, bool br)
{
	self->probe = xrealloc(self->probe, (self->nprobe + 1) * sizeof *self->probe);
	self->probe[self->nprobe].word = xstrdup(word);
	self->probe[self->nprobe].with_bracket = br;
	self->nprobe++;
}

/* copy only characters that are legal in a host name word */
static void clean_copy(char *dst, const char *src, size_t size)
{
	static const char ok[] = "!#$%&'*+-./^_`{|}~";
	size_t n = 0;

	for (; *src != '\0' && n + 1 < size; src++) {
		unsigned char c = (unsigned char)*src;

		if (c < 0x80 && (isalnum(c) || strchr(ok, c) != NULL))
			dst[n++] = (char)c;
	}
	dst[n] = '\0';
}

static void bracket_addr(int fam, const void *a, char *out, size_t sz)
{
	char tmp[64];

	dns_format_addr(fam, a, tmp, sizeof tmp);
	(void)snprintf(out, sz, "[%s]", tmp);
}

static void copy_hostent(const struct hostent *hp, struct hostinfo *hi)
{
	char **p, buf[80];

	hi->name = xstrdup(hp->h_name);
	for (p = hp->h_aliases; p != NULL && *p != NULL; p++)
		push(&hi->aliases, &hi->n_aliases, *p);
	for (p = hp->h_addr_list; p != NULL && *p != NULL; p++) {
		bracket_addr(hp->h_addrtype, *p, buf, sizeof buf);
		push(&hi->addrs, &hi->n_addrs, buf);
	}
}

/* a name's host entry (byname.c); true and hi filled if found */
static bool lookup_host(const char *name, int fam, struct hostinfo *hi)
{
	struct hostent he, *hp;
	char *tmp = NULL;
	int herr = 0;

	hp = dns_hostbyname(name, fam, &he, &tmp, &herr);
	dns_set_last_herrno(hp != NULL ? 0 : herr);
	if (hp != NULL)
		copy_hostent(hp, hi);
	free(tmp);
	return hp != NULL;
}

static void free_hostinfo(struct hostinfo *hi)
{
	free(hi->name);
	free_vec(hi->aliases, hi->n_aliases);
	free_vec(hi->addrs, hi->n_addrs);
	memset(hi, 0, sizeof *hi);
}

/* still unqualified after the host lookup: ask the canonifier (with no
 * $m yet); the reference sleeps and retries here, we only log */
static void try_qualify(struct sm_self *self, char *host, size_t size)
{
	char line[DNS_MAXNAME + 80];
	int st;

	if (dns_getcanonname(host, size, true, &st))
		return;
	(void)snprintf(line, sizeof line,
		       "My unqualified host name (%s) unknown; sleeping for retry",
		       host);
	add_log(self, LOG_CRIT, line);
	(void)snprintf(line, sizeof line,
		       "unable to qualify my own domain name (%s) -- using short name",
		       host);
	add_log(self, LOG_ALERT, line);
}

/* the reference's choice of $j from the host lookup */
static void choose_canon(struct sm_self *self, const struct hostinfo *hi,
			 char *host, size_t size)
{
	size_t i;

	if (strchr(hi->name, '.') != NULL || strchr(host, '.') == NULL)
		clean_copy(host, hi->name, size);
	for (i = 0; strchr(host, '.') == NULL && i < hi->n_aliases; i++)
		if (strchr(hi->aliases[i], '.') != NULL)
			clean_copy(host, hi->aliases[i], size);
	if (strchr(host, '.') == NULL)
		try_qualify(self, host, size);
}

static void set_names(struct sm_self *self, const char *canon)
{
	const char *dot = strchr(canon, '.');

	self->j = xstrdup(canon);
	self->w = dot != NULL ? xstrndup(canon, (size_t)(dot - canon))
				      : xstrdup(canon);
	self->m = xstrdup(dot != NULL && dot[1] != '\0' ? dot + 1 : "");
	self->unqualified = dot == NULL;
	dns_set_domain(self->m[0] != '\0' ? self->m : NULL);
	dns_set_myhostname(self->j);
}

/* one probed IPv4 address: "[a.b.c.d]", then its names */
static void probe_addr(struct sm_self *self, const struct in_addr *a)
{
	char ip[INET_ADDRSTRLEN], word[INET_ADDRSTRLEN + 2], line[128];
	struct hostent he, *hp = NULL;
	char tmp[8192], **p;
	int herr = 0;

	if (a->s_addr == INADDR_ANY || a->s_addr == INADDR_NONE)
		return;
	(void)inet_ntop(AF_INET, a, ip, sizeof ip);
	(void)snprintf(word, sizeof word, "[%s]", ip);
	add_probe(self, word, false);
	if (gethostbyaddr_r(a, sizeof *a, AF_INET, &he, tmp, sizeof tmp, &hp,
			    &herr) != 0 || hp == NULL) {
		dns_set_last_herrno(herr);
		(void)snprintf(line, sizeof line, "gethostbyaddr(%s) failed: %d",
			       ip, herr);
		add_log(self, LOG_WARNING, line);
		return;
	}
	dns_set_last_herrno(0);
	add_probe(self, hp->h_name, true);
	for (p = hp->h_aliases; p != NULL && *p != NULL; p++)
		add_probe(self, *p, true);
}

static void probe_interfaces(struct sm_self *self)
{
	struct ifaddrs *ifs = NULL, *i;

	if (getifaddrs(&ifs) != 0)
		return;
	for (i = ifs; i != NULL; i = i->ifa_next) {
		if (i->ifa_addr == NULL || i->ifa_addr->sa_family != AF_INET)
			continue;
		if (!(i->ifa_flags & IFF_UP))
			continue;
		probe_addr(self,
			   &((const struct sockaddr_in *)(const void *)i->ifa_addr)->sin_addr);
	}
	freeifaddrs(ifs);
}

static void fill_classes(struct sm_self *self, const struct hostinfo *hi)
{
	size_t i;

	push(&self->classw, &self->nclassw, self->j);
	push(&self->classw, &self->nclassw, self->k);
	push(&self->classk, &self->nclassk, self->k);
	if (self->m[0] != '\0')
		push(&self->classm, &self->nclassm, self->m);
	for (i = 0; i < hi->n_aliases; i++)
		push(&self->classw, &self->nclassw, hi->aliases[i]);
	for (i = 0; i < hi->n_addrs; i++)
		push(&self->classw, &self->nclassw, hi->addrs[i]);
}

void dns_self_identity(struct sm_self *self, bool probe)
{
	char host[DNS_MAXNAME];
	struct hostinfo hi;
	struct utsname u;
	bool found;

	memset(self, 0, sizeof *self);
	memset(&hi, 0, sizeof hi);
	if (gethostname(host, sizeof host) != 0 || host[0] == '\0')
		sm_strlcpy(host, "localhost", sizeof host);
	host[sizeof host - 1] = '\0';
	self->hostname = xstrdup(host);
	self->k = xstrdup(uname(&u) == 0 ? u.nodename : host);
	dns_set_domain(NULL);
	found = lookup_host(host, AF_INET6, &hi) ||
		lookup_host(host, AF_INET, &hi);
	if (found)
		choose_canon(self, &hi, host, sizeof host);
	set_names(self, host);
	fill_classes(self, &hi);
	free_hostinfo(&hi);
	if (probe)
		probe_interfaces(self);
}

void dns_self_free(struct sm_self *self)
{
	size_t i;

	free(self->hostname);
	free(self->j);
	free(self->w);
	free(self->m);
	free(self->k);
	free_vec(self->classw, self->nclassw);
	free_vec(self->classk, self->nclassk);
	free_vec(self->classm, self->nclassm);
	for (i = 0; i < self->nprobe; i++)
		free(self->probe[i].word);
	free(self->probe);
	for (i = 0; i < self->nlogs; i++)
		free(self->logs[i].text);
	free(self->logs);
	memset(self, 0, sizeof *self);
}

void dns_self_add_classes(const struct sm_self *self, dns_class_add2_fn add,
			  void *arg)
{
	size_t i;

	for (i = 0; i < self->nclassw; i++)
		add('w', self->classw[i], arg);
	for (i = 0; i < self->nclassk; i++)
		add('k', self->classk[i], arg);
	for (i = 0; i < self->nclassm; i++)
		add('m', self->classm[i], arg);
}

void dns_self_add_probed(const struct sm_self *self, dns_class_has_fn has,
			 dns_class_add_fn add, void *arg)
{
	char br[DNS_MAXNAME + 4];
	size_t i;

	for (i = 0; i < self->nprobe; i++) {
		const struct dns_probe_word *p = &self->probe[i];

		if (!p->with_bracket) {
			add(p->word, arg);
			continue;
		}
		if (has(p->word, arg))
			continue;
		add(p->word, arg);
		(void)snprintf(br, sizeof br, "[%s]", p->word);
		add(br, arg);
	}
}

void dns_unqualified_warning(const char *name, buf_t *out)
{
	(void)buf_printf(out,
			 "WARNING: local host name (%s) is not qualified; see cf/README: WHO AM I?",
			 name);
}
