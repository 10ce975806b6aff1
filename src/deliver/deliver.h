/* deliver.h - delivering one queued message: its recipients expanded
 * (aliases, :include:, .forward, error: entries, duplicates), each
 * handed to its mailer (a program on a pipe, a file, or the SMTP client
 * hook), every attempt logged as the reference logs it, and the control
 * file rewritten with what remains (or removed with the df).
 *
 * Implemented by expand.c / expand_fwd.c (recipients), mailer_exec.c
 * (running a mailer program), msg_write.c (the message as a mailer gets
 * it), mailer_file.c (the *file* mailer), exitmap.c (exit status to DSN
 * code and stat= text), deliver_log.c, deliver.c (the loop), requeue.c
 * (the qf after an attempt), mailer_smtp.c (the SMTP client, src/smtpc),
 * deadletter.c (a message saved for its sender); reports are src/dsn. */
#ifndef SM_DELIVER_H
#define SM_DELIVER_H
#include "conf/cf.h"
#include "queue/envelope.h"
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

typedef struct deliver_opts {
	bool verbose;        /* -v: "addr... Connecting to local..." on out */
	FILE *out;           /* where -v and -bv style notes go (stdout) */
	bool noalias;        /* -n: no alias expansion */
	bool queue_run;      /* a queue run: P + RetryFactor first, I line */
	bool from_flag;      /* the sender was given (-f) or read from the
	                        queue: F=f/F=r mailers get "-f $g" */
	int *failstat;       /* when set: gets the exit status of the first
	                        permanent failure (sendmail -odi exits with it) */
	bool submitter;      /* delivering in the submitting process (or its
	                        background child): a report's local delivery
	                        gets no "-f" unless the submitter gave one */
	int errmode;         /* 0: a queue run, the daemon, a background
	                        delivery: failures are mailed back; else the
	                        submitter's ErrorMode letter (p: saved in
	                        ~/dead.letter, q: kept quiet, m w e: mailed)
	                        and failures are not printed as they happen */
	bool probe;          /* expanding a report's recipient to see whether
	                        it can be reached: a failure is logged as a
	                        to= line only, with no "addr... why" notice */
	bool prefailed;      /* a report whose recipient a probe already
	                        found failing (and logged): its expansion
	                        failure is not logged again */
	long counted_size;   /* > 0: the size reports count the original as
	                        (the df plus its header lines), set where the
	                        priority was recomputed from it */
	bool at_submission;  /* expanding before the qf is written: a
	                        failure also gets the "addr... why" notice
	                        line (the reference logs none for failures
	                        found by a queue run or a daemon's delivery) */
} deliver_opts_t;

/* who controls a recipient produced by an expansion (a qf C line):
 * programs and files it names run with these ids */
typedef struct ctl {
	char *user;          /* login name ("carol"), the alias for aliases */
	uid_t uid;
	gid_t gid;
	char *alias;         /* the alias or address it came from */
} ctl_t;

/* the outcome of one attempt of one recipient */
typedef struct attempt {
	int exitstat;        /* EX_OK, EX_TEMPFAIL, EX_NOUSER, ... */
	char *dsn;           /* "2.0.0", "5.1.1" */
	char *stat;          /* "Sent", "User unknown", "Deferred: ..." */
	char *reply;         /* reply= text, NULL if none */
	char *relay;         /* relay= text, NULL if none */
	char *text;          /* what the mailer printed (for the bounce) */
	bool ran;            /* a mailer was run (the line shows xdelay=) */
	bool shown;          /* its -v line was already printed (SMTP) */
	bool shared;         /* SMTP: one outcome with the others of its
	                        transaction (logged in one line, "to=a,b") */
	char *emsg;          /* the message's status for mailq (qf M) when
	                        it is not stat (SMTP read errors), NULL */
	bool no_receipt;     /* delivered to a server that takes NOTIFY=: the
	                        return receipt is that server's to send */
	char *xscript;       /* lines for the report's transcript that come
	                        before this recipient's own (the SMTP
	                        dialogue), NULL none */
	time_t start;        /* when the mailer was started */
	bool no_ctl;         /* its to= line has no ctladdr= (check_compat) */
	bool own_error;      /* refused by the MTA itself (check_compat): it
	                        sets a queue run's exit status too */
} attempt_t;

/* ------------------------------------------------------------ expansion */
/* Resolve every RS_QUEUED recipient of e (parseaddr, rulesets 3 and 0);
 * expand local ones through the aliases, :include: files, error: entries
 * and (not at_submit) .forward files; drop duplicates.  An expanded
 * recipient becomes RS_EXPANDED and its results are added after it with
 * the A flag and a C line.  Failures (unknown user, error:, unreadable
 * :include:) are recorded as attempts (RS_FAILED / RS_DEFERRED).
 * Returns the number of recipients left to deliver. */
int deliver_expand(cf_t *cf, envelope_t *e, const deliver_opts_t *o);

/* ------------------------------------------------------------ delivery */
/* Expand, then deliver every recipient still RS_QUEUED; logs each
 * attempt.  Recipients end RS_SENT, RS_FAILED or RS_DEFERRED.  Returns
 * the number of recipients still queued (deferred). */
int deliver_envelope(cf_t *cf, envelope_t *e, const deliver_opts_t *o);

/* After an attempt on e (whose qf lock is *lockfd): no recipient left:
 * remove qf, df (and xf); otherwise write the qf again (N+1, K now, P +
 * RetryFactor, M the last deferral, I of the df) and keep the lock.
 * Returns 0, or -1 when the qf could not be written (the old one stays). */
int deliver_requeue(cf_t *cf, envelope_t *e, int *lockfd, bool queue_run);

/* Deliver one committed message: deliver_envelope then deliver_requeue.
 * lockfd is the lock on its qf; it is closed before returning. */
int deliver_message(cf_t *cf, envelope_t *e, int lockfd, const deliver_opts_t *o);

/* Save e whole (From line, header, body as the *file* mailer writes it)
 * at the end of path, opened with uid/gid (deadletter.c).  Returns the
 * delivery's exit status (EX_OK when saved). */
int deliver_to_file(cf_t *cf, envelope_t *e, const char *path, uid_t uid, gid_t gid);

/* The outcome of one recipient's attempt for the reports (src/dsn):
 * kind 'f' failed, 'r' delivered, 'd' deferred; noted on r and in e's
 * transcript; dsn_after_run sends what is due. */
void dsn_queue_bounce(cf_t *cf, envelope_t *e, rcpt_t *r, const attempt_t *a, int kind);

/* ------------------------------------------------------------ helpers */
void attempt_init(attempt_t *a);
void attempt_free(attempt_t *a);
/* fill a with the reference's dsn and stat= text for exit status st;
 * text, when not NULL, is what the mailer said (kept for the bounce) */
void attempt_set_exit(attempt_t *a, int st, const char *text);
/* "2.0.0" etc. and the words for a sysexits code */
const char *exit_dsn(int st);
const char *exit_text(int st);
/* the to= line of one attempt (deliver_log.c); ctladdr NULL: none */
void deliver_log_ctl(const envelope_t *e, const char *to, const char *ctladdr,
		     const char *mailer, const attempt_t *a, time_t now);

#endif
