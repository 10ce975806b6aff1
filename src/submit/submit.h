/* submit.h - accepting a message from the command line (-bm): the
 * sender, the recipients (argv and, with -t, the header), the message
 * read by collect, the header completed from the cf's H lines, then the
 * df and qf committed to the queue (df fsynced, qf written as tf, fsynced
 * and renamed) before anything is delivered or reported as accepted. */
#ifndef SM_SUBMIT_H
#define SM_SUBMIT_H
#include "conf/cf.h"
#include "queue/envelope.h"
#include <stdbool.h>
#include <stdio.h>

typedef struct submit_req {
	const char *sender;      /* -f/-r as given, NULL: the real user */
	const char *fullname;    /* -F */
	const char *bodytype;    /* -B, checked */
	const char *notify;      /* -N, checked */
	const char *ret;         /* -R, checked */
	const char *envid;       /* -V, checked */
	char **argv_rcpts;
	int nargv_rcpts;
	bool readrcpts;          /* -t */
	bool ignoredots;         /* -i / -oi */
	bool verbose;            /* -v */
	long hops;               /* -h, -1 none */
	const char *qdir;        /* QueueDirectory */
	const char *realuser;    /* login name of the caller */
	bool trusted;            /* may set the sender with -f */
	const char *cf_given;    /* -C FILE by a user who is not root, or NULL */
	const char *qdir_given;  /* QueueDirectory set on the command line by
	                            such a user, or NULL */
	bool queue_only;         /* -odq/-odd: aliases are expanded before the
	                            qf is written, and every recipient is
	                            logged "stat=queued" */
	bool smtp;               /* received over SMTP (src/smtpd): the caller
	                            put the recipients in the envelope; no A
	                            line; bodytype/ret/envid are the ESMTP
	                            parameters */
	bool expand_now;         /* -odi, -odb: aliases expanded (and owner
	                            clones split) before the qf is written, as
	                            with queue_only, for delivery right after */
	struct clones *clones;   /* when not NULL (with expand_now): receives
	                            the committed owner clones, each with its
	                            qf lock, for the caller to deliver */
	bool quiet_refusals;     /* ErrorMode other than print: a refused
	                            recipient goes to the error report only */
	int *refused;            /* when not NULL, receives the exit status of
	                            the recipients refused at submission (kept
	                            in the envelope as RS_FAILED for the error
	                            report), EX_OK when none was */
	char *const *warnings;   /* further X-Authentication-Warning: fields */
	size_t nwarnings;
	bool refuse;             /* SMTP: check_eoh/check_eom refused the
	                            message: the envelope is built and its
	                            from= logged, nothing is queued (the df
	                            goes) */
} submit_req_t;

/* the checks the reference makes on -B -N -R -V before reading anything;
 * prints its message and returns false on a bad value */
bool submit_check_args(const submit_req_t *r);
/* -B's value is 7BIT or 8BITMIME (any case); the reference complains
 * ("Illegal body type X") and sends the message without one, exit 64 */
bool submit_bodytype_ok(const char *bodytype);

/* read the message from in and queue it; *e receives the envelope (the
 * caller frees it) for delivery and *lockfd the fd holding the qf's lock
 * (-1 if none; the caller closes it).  Returns EX_OK or an EX_* status
 * after printing the reason.  EX_OK with *lockfd -1 and no queued
 * recipient: every recipient was refused; the df stays for the error
 * report (deliver_message with lockfd -1 reports and removes it). */
int submit_message(cf_t *cf, const submit_req_t *r, FILE *in, envelope_t *e, int *lockfd);

struct collect;
/* the second half of submit_message, for a message whose df the caller
 * wrote (SMTP): e has its queue id, ctime, qdir (and, with r->smtp, its
 * recipients); the header is completed, the qf committed and the from=
 * line logged.  EX_OK or an EX_* status; on failure df and qf are gone. */
/* SuperSafe says the queue files are fsynced (True, Interactive, PostMilter) */
bool submit_supersafe(const cf_t *cf);
int submit_commit(cf_t *cf, const submit_req_t *r, envelope_t *e, struct collect *c,
		  int *lockfd);

/* MinFreeBlocks (space.c): may a message of bytes (so far) be queued in
 * qdir?  When not, the reference's "low on space (WHO needs N bytes + M
 * blocks in DIR), max avail: A" is logged (who: "SMTP-DAEMON" for the
 * command line, the client's host name over SMTP) and the caller answers
 * "Insufficient disk space; try again later". */
bool submit_space_ok(cf_t *cf, const char *qdir, long bytes, const char *who, const char *qid);

/* submit_message: no recipient at all (none named, or -t and none in the
 * header): said on stdout, the message read and logged (from= ...,
 * nrcpts=0) and dropped; the reference then exits 64, or 0 with -t */
#define SUBMIT_NOTHING (-1)
#define SUBMIT_NOSPACE_TEXT "Insufficient disk space; try again later"

#endif
