/* smtpd.h - the SMTP server side: one ESMTP session on an input and an
 * output stream (sendmail -bs: standard input and output, a pipe or, run
 * from inetd, a socket).  Commands are answered with the reference's
 * replies and enhanced status codes, the policy rulesets of the cf
 * (check_mail, check_rcpt, ...) decide, and accepted messages are queued
 * through src/submit, then delivered as DeliveryMode says. */
#ifndef SM_SMTPD_H
#define SM_SMTPD_H
#include "conf/cf.h"
#include <stdbool.h>
#include <stdio.h>

typedef struct smtpd_opts {
	const char *qdir;        /* QueueDirectory */
	const char *realuser;    /* login name of the invoking user */
	bool verbose;            /* -v */
	bool noalias;            /* -n */
	/* a daemon connection (src/sendmail/mode_daemon.c); NULL for -bs:
	 * the listener's Name (log lines say "to NAME", from= gets
	 * daemon=NAME, check_relay runs, ${client_resolve} is set) */
	const char *daemon_name;
	const char *daemon_flags; /* ${daemon_flags}; NULL: -bs's "c u" */
} smtpd_opts_t;

/* run one session: greeting, commands until QUIT or end of input.
 * Returns the process exit status the reference gives (EX_OK, or the
 * status of the last rejected address). */
int smtpd_session(cf_t *cf, const smtpd_opts_t *o, FILE *in, FILE *out);
/* what every session would load for itself (SASL and its plugins),
 * loaded once by a daemon before it forks sessions */
void smtpd_preload(cf_t *cf);

/* the longest command line kept (the rest of a longer line is dropped) */
#define SMTPD_MAXLINE 16384
#define SMTPD_CMDLINE 2048    /* longest command line (with its CRLF) */
#define SMTPD_CMDREAD 12287   /* most bytes of a longer one read */

#endif
