/* dsn.h - delivery status notifications: the reports a message's sender
 * (or the postmaster) gets about it, as the reference writes them.
 *
 * During a delivery run every outcome is noted on its recipient and in
 * the run's transcript (dsn_queue_bounce, declared in deliver.h and
 * implemented here).  After the run dsn_after_run looks at the whole
 * message: recipients deferred longer than Timeout.queuereturn fail
 * (4.4.7), a first delay warning is due after Timeout.queuewarn (F flag
 * w), failures whose NOTIFY includes FAILURE and successes whose NOTIFY
 * includes SUCCESS are reported.  Each report is a new queue entry with
 * the sender MAILER-DAEMON (F flags r s): an RFC 3464 multipart/report
 * (or, with SendMimeErrors=False, the old plain layout) written as the df,
 * the cf's default header fields completed as for a submission, committed
 * with qf_write and delivered at once.  A report about a message from <>
 * or about a report goes to the postmaster; nothing is reported about a
 * report to the postmaster.
 *
 * A submitter's ErrorMode (deliver_opts_t.errmode) decides what becomes
 * of a failure report: p saves the message in ~/dead.letter instead, q
 * drops it, m w e (and no ErrorMode: queue runs) mail it.
 *
 * Implemented by dsn.c (what is due, to whom, the queue entry),
 * dsn_dead.c (dead.letter),
 * dsn_body.c (the text), dsn_time.c (the timeouts and their wording). */
#ifndef SM_DSN_H
#define SM_DSN_H
#include "conf/cf.h"
#include "deliver/deliver.h"
#include "lib/buf.h"
#include "queue/envelope.h"
#include <stdbool.h>
#include <time.h>

/* the kinds of report */
#define DSN_FAILURE 'f'
#define DSN_RECEIPT 'r'
#define DSN_DELAY   'd'

/* After a delivery run over e (its qf lock still held by the caller):
 * apply the queue timeouts, then queue and deliver every report due.
 * Recipients that expired become RS_FAILED.  Returns the number of
 * reports queued. */
int dsn_after_run(cf_t *cf, envelope_t *e, const deliver_opts_t *o);

/* ErrorMode=print: save e in its local sender's ~/dead.letter and say so
 * on o->out (dsn_dead.c).  0 when saved; -1 when the report must be
 * mailed instead. */
int dsn_dead_letter(cf_t *cf, envelope_t *e, const deliver_opts_t *o);
/* ErrorMode=quiet: no report; -v still shows the sender's alias */
void dsn_quiet(cf_t *cf, envelope_t *e, const deliver_opts_t *o);

/* Add one line (without its newline) to e's transcript. */
void dsn_xscript(envelope_t *e, const char *line);

/* ------------------------------------------------------------ internals */
/* the parameters of one report */
typedef struct dsn_req {
	int kind;               /* DSN_FAILURE / DSN_RECEIPT / DSN_DELAY */
	bool to_postmaster;
	bool expired;           /* the failure is Timeout.queuereturn's */
	bool queue_run;         /* made in a queue run: no Received-From-MTA */
	const char *qid;        /* of the report */
	time_t now;
	const char *boundary;
	const char *subject;
	bool mime;              /* SendMimeErrors */
	bool headers_only;      /* RET=HDRS, a negative class, a receipt */
	long warn_secs, return_secs;
} dsn_req_t;

/* the report's text (the df of the new queue entry); -1 when the
 * original df cannot be read */
int dsn_body(cf_t *cf, const envelope_t *e, const dsn_req_t *q, buf_t *out);

/* Timeout.queuewarn / queuereturn for e's precedence, in seconds (0: none) */
long dsn_timeout_warn(const cf_t *cf, const envelope_t *e);
long dsn_timeout_return(const cf_t *cf, const envelope_t *e);
/* an interval in words: "1 second", "5 days", "4 hours, 30 minutes" */
void dsn_interval(long secs, buf_t *out);

#endif
