/* parseaddr.h - resolving addresses to (mailer, host, user) triples and
 * rewriting them for a mailer, as ruleset 0 and the mailer rulesets say. */
#ifndef SM_PARSEADDR_H
#define SM_PARSEADDR_H
#include <stdio.h>
#include "conf/cf.h"

#define RF_SENDERADDR 0x01
#define RF_HEADERADDR 0x02
#define RF_RECIPADDR  0x04
#define RF_CANONICAL  0x08   /* an envelope address: the bare address, no
                                phrase or comment kept around it */

typedef struct addr {
	mailer_t *mailer;     /* NULL for the error pseudo-mailer */
	char *mailer_name;
	char *host;
	char *user;
	int exitstat;         /* EX_* derived from an error result */
} addr_t;

/* parse addr per flags; trace goes to out (NULL: quiet).  Returns 0
 * when a triple was produced (possibly the error mailer), -1 when the
 * address could not be tokenized. */
int parseaddr(cf_t *cf, FILE *out, const char *addr, unsigned flags, addr_t *a);
void addr_free(addr_t *a);
/* ruleset 5 for a local address without an alias (mailer flag 5): 1
 * with the new triple in na when it names another delivery, 0 when it
 * stays, -1 on error */
int localaddr_reroute(cf_t *cf, FILE *out, const addr_t *a, addr_t *na);
/* ruleset 5 applied until the address stays; the number of changes */
int localaddr_resolve(cf_t *cf, addr_t *a);

/* rewrite addr for mailer m (ruleset 3, 1 or 2, the mailer's, 4); a
 * phrase or comment around it is kept ("Bob <$g>") unless RF_CANONICAL
 * or the mailer's F=c */
int remotename(cf_t *cf, FILE *out, const char *addr, mailer_t *m, unsigned flags, buf_t *res);

int sender_name(cf_t *cf, FILE *out, const char *addr, buf_t *res);
/* tokenize a header or envelope address, reporting errors on out */
int addr_scan(FILE *out, const char *addr, tokvec_t *tv, arena_t *ar, bool checklen);

/* the address alone, as written: comments dropped and, when it has
 * angle brackets, only what is inside them ("Bob <bob@x> (B)" -> "bob@x");
 * the text as is when it cannot be tokenized */
void addr_bare(const char *addr, buf_t *out);

/* join tokens the way the reference does: a blank only between two
 * atoms (or spacesub when nonzero) */
void cataddr(const tok_t *v, size_t n, int spacesub, buf_t *out);
/* exit status for an enhanced status code "5.1.2" */
int dsn_to_exitstat(const char *dsn);

#endif
