/* rcpts.h - the recipients of a submission: the command line's (each
 * word may be a comma-separated list) and, with -t, those of the To:,
 * Cc: and Bcc: fields (the Resent- ones for a resent message).  Each is
 * resolved by rulesets 3 and 0 as a check; the R line keeps the text as
 * given, the r line (DSN final recipient) the address qualified with $j. */
#ifndef SM_SUBMIT_RCPTS_H
#define SM_SUBMIT_RCPTS_H
#include "conf/cf.h"
#include "queue/envelope.h"
#include <stdio.h>

/* letters of -N (NULL: the default "FD"); false when the text is invalid */
bool rcpt_notify_flags(const char *notify, letterset_t *out);

/* add one recipient list text to e with flags; problems are printed on
 * tty (NULL: not shown) as "addr... reason", logged, counted in *bad (the
 * worst status in *st), and a refused recipient stays in e as RS_FAILED
 * for the error report */
void rcpt_add_list(cf_t *cf, envelope_t *e, FILE *tty, const char *list, letterset_t flags,
		   int *bad, int *st);
/* order e's recipients as the reference queues them (local first, then
 * grouped by host) */
void rcpt_sort(envelope_t *e);
/* the recipients named by e's header fields (-t) */
void rcpt_add_from_header(cf_t *cf, envelope_t *e, FILE *tty, letterset_t flags, int *bad,
			  int *st);

/* the DSN final recipient of addr: "RFC822; user@host" ($j added) */
void rcpt_final(const cf_t *cf, const char *addr, buf_t *out);
/* a local address names an alias or a login */
struct addr;
bool rcpt_local_known(const struct addr *a);

#endif
