/* dns_int.h - private glue shared by the src/dns/ files: the resolver
 * handle, h_errno bookkeeping, answer parsing and the message queue. */
#ifndef SM_DNS_INT_H
#define SM_DNS_INT_H
#include <stdbool.h>
#include <stddef.h>
#include <netinet/in.h>
#include <arpa/nameser.h>
#include <resolv.h>
#include <netdb.h>

#define DNS_ANSWER_MAX 65536

/* the process's resolver state (res_ninit on first use) */
res_state dns_res(void);

/* res_nquery / res_nsearch in class IN; keep dns_last_herrno() in step
 * with what a single global h_errno would show.  Return the answer
 * length or -1 (then dns_last_herrno() says why). */
int dns_query(const char *name, int type, unsigned char *ans, int anslen);
int dns_search(const char *name, int type, unsigned char *ans, int anslen);

/* one answer-section record as the parser hands it out */
struct dns_rr {
	int type;
	unsigned ttl;
	char data[NS_MAXDNAME];  /* CNAME/MX target (MX: pref in pref) */
	unsigned pref;
};

/* one answer-section record as it stands in the message */
struct dns_rdata {
	int type;
	unsigned ttl;
	const unsigned char *msg, *eom;   /* the whole message */
	const unsigned char *rd;          /* rdata, rdlen bytes inside it */
	unsigned rdlen;
};

/* walk the answer section with every offset checked: fn gets each
 * record and returns 1 to go on, 0 to stop, -1 to call the answer
 * malformed.  A record that does not fit makes the answer malformed; an
 * answer that ends before its record count keeps what it has.  Returns
 * 0, or -1 when malformed (fn may be NULL to only check). */
typedef int (*dns_walk_fn)(const struct dns_rdata *r, void *arg);
int dns_walk_answer(const unsigned char *msg, int len, dns_walk_fn fn, void *arg);

/* iterate the answer section: calls fn for every record, stops early
 * when fn returns false.  Returns false if the message is malformed
 * (then fn is not called); records whose rdata does not decode are
 * skipped. */
typedef bool (*dns_rr_fn)(const struct dns_rr *rr, void *arg);
bool dns_each_answer(const unsigned char *msg, int len, dns_rr_fn fn,
		     void *arg);

/* queue one diagnostic line (no trailing newline in fmt) */
void dns_msgf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* internal canonification with the TTL of the DNS answer used (or 0) */
bool dns_canon(char *host, size_t hbsize, bool trymx, int *statp,
	       unsigned *ttl);

/* services order, parsed once: 'd' for dns, 'f' for files */
const char *dns_services(void);

/* hosts-file lookup (the "files" service) */
bool dns_canon_files(char *host, size_t hbsize, int *statp);

/* HostsFile (default /etc/hosts) */
const char *dns_hosts_file(void);

/* gethostbyname2_r with *buf (xrealloc'd, the caller frees it) grown as
 * the answer needs, up to 1 MiB: the answer in he, or NULL with *herr */
struct hostent *dns_hostbyname(const char *name, int fam, struct hostent *he, char **buf,
			       int *herr);

/* class-w test used for MX lists */
bool dns_is_local(const char *name);
const char *dns_myhostname(void);

#endif
