/* canon.c - host name canonification (the reference's getcanonname):
 * the DNS walk over the search list with CNAME chasing, the service
 * order (dns, then files by default) and the final ".$m" qualification.
 * The hosts-file service lives in hostsfile.c. */
#include "dns/dns.h"
#include "dns/dns_int.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CNAME_FOLLOW 11   /* the 12th CNAME in a row is a loop */

struct search {
	const char *dom[MAXDNSRCH + 2];
	int n;
};

/* Domains to try for host: the name as given first when it has a dot,
 * then the search list unless it ends in a dot (then the dot goes). */
static void build_search(char *host, struct search *s)
{
	res_state rs = dns_res();
	size_t len = strlen(host);
	const char *p;
	int dots = 0, i;
	bool trailing = len > 0 && host[len - 1] == '.';

	for (p = host; *p != '\0'; p++)
		if (*p == '.')
			dots++;
	s->n = 0;
	if (dots > 0)
		s->dom[s->n++] = "";
	if (!trailing && (rs->options & RES_DNSRCH)) {
		for (i = 0; i < MAXDNSRCH && rs->dnsrch[i] != NULL; i++)
			s->dom[s->n++] = rs->dnsrch[i];
	} else if (dots == 0 && (rs->options & RES_DEFNAMES)) {
		s->dom[s->n++] = rs->defdname;
	} else if (trailing) {
		host[len - 1] = '\0';
	}
}

struct answer_scan {
	int qtype;
	bool match;
	bool cname;
	unsigned ttl;
	char target[NS_MAXDNAME];
};

static bool scan_rr(const struct dns_rr *rr, void *arg)
{
	struct answer_scan *a = arg;

	if (rr->type == ns_t_cname) {
		a->cname = true;
		sm_strlcpy(a->target, rr->data, sizeof a->target);
		return false;
	}
	if (rr->type == a->qtype) {
		if (!a->match || rr->ttl < a->ttl)
			a->ttl = rr->ttl;
		a->match = true;
	}
	return true;
}

enum walk { W_FOUND, W_NEXT_TYPE, W_NEXT_DOMAIN, W_CNAME };

/* one query: classify the outcome */
static enum walk try_one(const char *qname, int qtype, bool *temp,
			 struct answer_scan *a)
{
	static unsigned char ans[DNS_ANSWER_MAX];
	int n;

	memset(a, 0, sizeof *a);
	a->qtype = qtype;
	n = dns_query(qname, qtype, ans, sizeof ans);
	if (n < 0) {
		int h = dns_last_herrno();

		if (errno == ECONNREFUSED || h == TRY_AGAIN)
			*temp = true;
		return h == HOST_NOT_FOUND ? W_NEXT_DOMAIN : W_NEXT_TYPE;
	}
	(void)dns_each_answer(ans, n, scan_rr, a);
	if (a->cname)
		return W_CNAME;
	return a->match ? W_FOUND : W_NEXT_TYPE;
}

/* host <- host.dom (dom may be empty) */
static bool join_domain(char *host, size_t hbsize, const char *dom)
{
	char tmp[NS_MAXDNAME + 2];

	if (dom[0] == '\0')
		return true;
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.%s", host, dom) >= sizeof tmp)
		return false;
	return sm_strlcpy(host, tmp, hbsize) < hbsize;
}

/* walk one search list; returns W_FOUND, W_CNAME (target in a) or
 * W_NEXT_DOMAIN meaning "not found" */
static enum walk walk_domains(char *host, const struct search *s,
			      bool trymx, bool *temp, struct answer_scan *a)
{
	static const int types[] = { ns_t_aaaa, ns_t_a, ns_t_mx };
	char qname[NS_MAXDNAME + 2];
	int d, t;

	for (d = 0; d < s->n; d++) {
		const char *dom = s->dom[d];

		if (dom[0] != '\0')
			(void)snprintf(qname, sizeof qname, "%s.%s", host, dom);
		else
			sm_strlcpy(qname, host, sizeof qname);
		for (t = 0; t < 3; t++) {
			enum walk w;

			if (types[t] == ns_t_mx && !trymx && dom[0] != '\0')
				break;
			w = try_one(qname, types[t], temp, a);
			if (w == W_FOUND) {
				sm_strlcpy(a->target, dom, sizeof a->target);
				return W_FOUND;
			}
			if (w == W_CNAME)
				return W_CNAME;
			if (w == W_NEXT_DOMAIN)
				break;
		}
	}
	return W_NEXT_DOMAIN;
}

/* the "dns" service */
static bool canon_dns(char *host, size_t hbsize, bool trymx, int *statp,
		      unsigned *ttl)
{
	struct answer_scan a;
	struct search s;
	bool temp = false;
	int loops = 0;

	for (;;) {
		enum walk w;

		build_search(host, &s);
		w = walk_domains(host, &s, trymx, &temp, &a);
		if (w == W_FOUND) {
			if (!join_domain(host, hbsize, a.target))
				break;
			*ttl = a.ttl;
			*statp = DNS_EX_OK;
			return true;
		}
		if (w != W_CNAME)
			break;
		if (++loops > MAX_CNAME_FOLLOW) {
			dns_msgf("DNS failure: CNAME loop for %s", host);
			*statp = DNS_EX_NOHOST;
			return false;
		}
		if (sm_strlcpy(host, a.target, hbsize) >= hbsize)
			break;
	}
	*statp = temp ? DNS_EX_TEMPFAIL : DNS_EX_NOHOST;
	return false;
}

/* append ".$m" to a single-label result */
static bool qualify(char *host, size_t hbsize)
{
	const char *m = dns_get_domain();
	char *d = strchr(host, '.');
	size_t len = strlen(host);

	if (d != NULL && d[1] != '\0')
		return true;
	if (m == NULL || len + strlen(m) + 2 > hbsize)
		return false;
	if (d == NULL)
		sm_strlcat(host, ".", hbsize);
	sm_strlcat(host, m, hbsize);
	return true;
}

bool dns_canon(char *host, size_t hbsize, bool trymx, int *statp,
	       unsigned *ttl)
{
	const char *svc = dns_services();
	bool found = false, temp = false;
	int st = DNS_EX_NOHOST, dummy;

	if (statp == NULL)
		statp = &dummy;
	*ttl = 0;
	for (; *svc != '\0' && !found; svc++) {
		st = DNS_EX_UNAVAILABLE;
		if (*svc == 'd')
			found = canon_dns(host, hbsize, trymx, &st, ttl);
		else if (*svc == 'f')
			found = dns_canon_files(host, hbsize, &st);
		if (!found && st == DNS_EX_TEMPFAIL)
			temp = true;
	}
	if (found && qualify(host, hbsize)) {
		*statp = DNS_EX_OK;
		return true;
	}
	dns_set_last_herrno(temp ? TRY_AGAIN : HOST_NOT_FOUND);
	*statp = temp ? DNS_EX_TEMPFAIL : DNS_EX_NOHOST;
	return false;
}

bool dns_getcanonname(char *host, size_t hbsize, bool trymx, int *statp)
{
	unsigned ttl;

	return dns_canon(host, hbsize, trymx, statp, &ttl);
}
