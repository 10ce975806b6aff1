/* dns.h - the resolver-facing pieces: MX lists, host name
 * canonification, the "host" map class and the host's own identity.
 *
 * Behaviour follows the reference MTA as observed in the oracle sandbox
 * (see src/dns/README.md for the derivation of each rule).  Everything
 * here is synchronous and single-threaded; the module keeps a small
 * amount of per-process state (resolver handle, the "last h_errno", the
 * host map cache, pending diagnostic lines).
 *
 * Ownership rules, in one place:
 *  - dns_getmxrr() fills the caller's mx[] array with xmalloc'd strings;
 *    free them with dns_free_mx(mx, n) (n = the positive return value).
 *  - dns_getcanonname() rewrites the caller's buffer in place.
 *  - dns_host_map_lookup() appends to the caller's buf_t's.
 *  - struct sm_self owns all its strings; release with dns_self_free().
 *  - Diagnostic lines (the ones the reference prints on the terminal in
 *    test mode, e.g. "DNS failure: CNAME loop for x") are queued inside
 *    the module; dns_take_messages() moves them into a caller buffer. */
#ifndef SM_DNS_H
#define SM_DNS_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/buf.h"

#define DNS_MAXMXHOSTS 100   /* the reference's MAXMXHOSTS */
#define DNS_NULLMX     (-2)  /* getmxrr: sole "MX 0 ." record (RFC 7505) */
#define DNS_MAXNAME    256   /* buffer size used for host names */

/* sysexits values used in statuses (kept local: no <sysexits.h> games) */
#define DNS_EX_OK          0
#define DNS_EX_NOHOST      68
#define DNS_EX_UNAVAILABLE 69
#define DNS_EX_SOFTWARE    70
#define DNS_EX_OSERR       71
#define DNS_EX_TEMPFAIL    75
#define DNS_EX_CONFIG      78

/* ------------------------------------------------------------ settings */
/* the service switch file (ServiceSwitchFile) whose "hosts" line orders
 * host lookups ("files" only: no DNS query at all) */
void dns_set_switch_file(const char *path);

/* $m, used to qualify single-label names found by canonification (the
 * reference appends it) and by the hosts-file matcher.  NULL = undefined.
 * dns_self_identity() sets it from the host name; call again after the
 * configuration file has been read if it (re)defines $m. */
void dns_set_domain(const char *m);
const char *dns_get_domain(void);

/* HostsFile option (default /etc/hosts). */
void dns_set_hosts_file(const char *path);

/* Order of services for host name canonification: words "dns" and
 * "files" separated by blanks.  Default: the "hosts" line of
 * /etc/mail/service.switch if that file exists, else "dns files". */
void dns_set_host_services(const char *spec);

/* Class-w membership test used by dns_getmxrr(droplocalhost=true) to
 * recognise MX records that point back at this host. */
typedef bool (*dns_class_has_fn)(const char *word, void *arg);
typedef void (*dns_class_add_fn)(const char *word, void *arg);
void dns_set_local_check(dns_class_has_fn fn, void *arg);

/* Name used in "MX list for X points back to NAME" ($j). */
void dns_set_myhostname(const char *j);

/* -------------------------------------------------------- diagnostics */

/* Move queued diagnostic lines (each ending in '\n') into out and clear
 * the queue.  Test mode prints them before its "returns" line. */
void dns_take_messages(buf_t *out);

/* The h_errno value left by the last resolver operation, as the
 * reference's global h_errno would hold it (0 at start). */
int dns_last_herrno(void);
void dns_set_last_herrno(int h);

/* ----------------------------------------------------------------- MX */

/* Look up the MX hosts of host.  Returns the number of hosts stored in
 * mx[0..n-1] (names with a trailing dot, sorted by preference; equal
 * preferences in a per-process pseudo-random but stable order), 0 when
 * the name does not exist or has no usable MX/address, -1 on temporary
 * failure or when droplocalhost removed every entry, DNS_NULLMX for a
 * null MX.  A bracketed address literal is returned as given; a name
 * without MX records returns its canonical name.  prefs may be NULL.
 * *rcode (may be NULL) gets DNS_EX_OK, DNS_EX_NOHOST (0 returned),
 * DNS_EX_TEMPFAIL (-1), DNS_EX_CONFIG (-1: every MX points back here;
 * the syserr text "MX list for HOST points back to $j" is queued, see
 * dns_take_messages) or DNS_EX_UNAVAILABLE (null MX).  The fallback MX
 * host option is the caller's business.  Strings in mx[] are xmalloc'd:
 * dns_free_mx(). */
int dns_getmxrr(const char *host, char **mx, unsigned short *prefs,
		int maxmx, bool droplocalhost, int *rcode);
/* the same with flags: DNS_MX_DROPLOCAL is droplocalhost; with
 * DNS_MX_FIXED equal preferences come in an order that is the same in
 * every process, this host's names first (the bestmx map) */
#define DNS_MX_DROPLOCAL 1u
#define DNS_MX_FIXED     2u
int dns_getmxrr_opts(const char *host, char **mx, unsigned short *prefs,
		     int maxmx, unsigned flags, int *rcode);
void dns_free_mx(char **mx, int n);

/* ---------------------------------------------------------- canonname */

/* Canonify host in place (buffer of hbsize bytes): DNS with the
 * resolver's search list (AAAA, A, and MX when trymx or for the name as
 * given), CNAMEs followed, then the hosts file, in the configured service
 * order.  A result without a dot gets ".$m" appended.  A trailing dot is
 * removed.  Returns true when found; *statp (may be NULL) is DNS_EX_OK,
 * DNS_EX_NOHOST or DNS_EX_TEMPFAIL.  On failure host may still have been
 * rewritten (trailing dot removed, or a CNAME target), as the reference
 * does. */
bool dns_getcanonname(char *host, size_t hbsize, bool trymx, int *statp);

/* ----------------------------------------------------------- host map */

/* The lookup behind $[ $] and "K name host": returns 1 when found (the
 * canonical name, WITHOUT a trailing dot, appended to out; *status 0)
 * and 0 when not: *status is 68 (not found), 75 (temporary failure), 69
 * (bad literal before any resolver failure) or 0 (unbalanced '[' key: no
 * match but status OK, as the reference).  The dot seen in "/map host"
 * and $[ $] results comes from the map's append string: the reference's
 * implicit map named "host" is declared with "-a." (a plain
 * "Kfoo host" returns "mail.example.com", "Kresolve host -a<OKR>"
 * returns "mail.example.com<OKR>"; a cf line "Khost host" replaces the
 * implicit one, dot included).  Lines the reference prints while looking
 * up ("KEY: Name server timeout", "DNS failure: CNAME loop for X") are
 * appended to msg (may be NULL), each ending in '\n'.  Results are cached
 * per process keyed by the exact key; a cached temporary failure repeats
 * its message. */
int dns_host_map_lookup(const char *key, buf_t *out, int *status, buf_t *msg);
void dns_host_cache_clear(void);

/* "s" shortened, when it has m or more characters, to "first...last"
 * of m characters (the
 * reference's way of quoting long names in messages).  Returns a pointer
 * into buf (of size bsize) or s itself. */
const char *dns_shorten(const char *s, size_t m, char *buf, size_t bsize);

/* ----------------------------------------------------------- dns map */

/* The records of type (ns_t_a, ns_t_mx, ...) in the answer section of
 * msg[0..len) as text (see rrtext.c for the formats), appended to vals
 * each followed by a NUL byte.  Returns how many, or -1 when the answer
 * is malformed (vals is then left as it was). */
int dns_answer_values(const unsigned char *msg, int len, int type, buf_t *vals);

/* The dns map's query: res_nsearch for name and type with the given
 * retransmission interval and retry count (0: the resolver's own), the
 * answer's values as dns_answer_values() gives them.  Returns how many
 * (0: none of that type), DNS_EX_NOHOST (as a negative: -68) when the
 * name or data does not exist or the answer is malformed, or
 * -DNS_EX_TEMPFAIL when the servers could not answer. */
int dns_lookup_values(const char *name, int type, int retrans, int retry, buf_t *vals);

/* ------------------------------------------------------------ literals */

/* Parse the inside of an address literal ("192.0.2.1", "IPv6:::1",
 * "::1"): family and 4/16 bytes in addr.  IPv4 uses inet_addr()'s
 * syntax (so "127.1" is accepted and 255.255.255.255 is not).  Returns
 * AF_INET/AF_INET6, or 0 if invalid. */
int dns_parse_literal(const char *s, unsigned char addr[16]);

/* Format an address the way the reference writes it in class w and in
 * literals: "a.b.c.d" or "IPv6:" + eight uncompressed groups. */
void dns_format_addr(int family, const unsigned char *addr, char *out,
		     size_t outsz);

/* Whether name's addresses of this family (AF_INET: 4 bytes of addr,
 * AF_INET6: 16) include addr, asked through the name service switch: a
 * client's PTR name confirmed by its forward lookup.  A failed lookup,
 * even a temporary one, does not confirm it. */
bool dns_name_has_addr(const char *name, int fam, const void *addr);

/* ------------------------------------------------------------ identity */

struct dns_probe_word {
	char *word;
	bool with_bracket;   /* a name: add it and "[name]", only if it is
			      * not already in class w at that point */
};

struct dns_syslog_line {
	int priority;        /* syslog level (LOG_CRIT, ...) */
	char *text;
};

typedef struct sm_self {
	char *hostname;      /* gethostname() as found (or "localhost") */
	char *j;             /* $j, canonical name */
	char *w;             /* $w: $j up to the first dot */
	char *m;             /* $m: after the first dot of $j; "" = undefined */
	char *k;             /* $k: uname nodename */

	/* class w words the reference adds before reading the cf, in order:
	 * $j, $k, host aliases, "[addr]" of each host address */
	char **classw;  size_t nclassw;
	/* class k: the node name; class m: $m when defined */
	char **classk;  size_t nclassk;
	char **classm;  size_t nclassm;

	/* words from interface probing, to be applied AFTER the cf has been
	 * read and only if DontProbeInterfaces is false: see
	 * dns_self_add_probed(); empty when probing was not asked for */
	struct dns_probe_word *probe; size_t nprobe;

	/* true if $j has no dot.  The caller prints, once, after reading the
	 * cf and only if its final $j is still unqualified:
	 * "WARNING: local host name (%s) is not qualified; see cf/README: WHO AM I?"
	 * with $j (dns_unqualified_warning).  The reference also sleeps 60 s
	 * in one case; we never sleep. */
	bool unqualified;

	/* syslog lines the reference writes during this step, in order */
	struct dns_syslog_line *logs; size_t nlogs;
} sm_self_t;

/* Compute the host's identity (see struct).  Never sleeps. */
void dns_self_identity(struct sm_self *self, bool probe_interfaces);
void dns_self_free(struct sm_self *self);

/* Apply the pre-cf words (class w, k, m) through add(class_letter...). */
typedef void (*dns_class_add2_fn)(int cls, const char *word, void *arg);
void dns_self_add_classes(const struct sm_self *self, dns_class_add2_fn add,
			  void *arg);
/* Apply the probed words after reading the cf: plain words are added;
 * names are added together with "[name]" only if has(name) is false. */
void dns_self_add_probed(const struct sm_self *self, dns_class_has_fn has,
			 dns_class_add_fn add, void *arg);

/* The unqualified-host-name warning text for name (no newline). */
void dns_unqualified_warning(const char *name, buf_t *out);

#endif
