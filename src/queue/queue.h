/* queue.h - the queue directory: ids, qf/df files, locks, listing.
 *
 * Files are the reference's (op.txt Appendix B): qfID control file, dfID
 * body, tfID control file being written, xfID transcript, hfID
 * quarantined control file, QfID lost control file.  A message is
 * committed by writing its df (fsynced), then its control file as tfID
 * (fsynced) renamed to qfID; a crash leaves either a complete qf or no qf.
 * A process working on a message holds an exclusive lock on its qf for as
 * long as it works on it, so two queue runners never deliver it twice;
 * the lock is the one the reference takes, so both programs respect each
 * other's locks on a shared queue.
 *
 * Implemented by qid.c (ids), qf_write.c, qf_read.c, qlock.c, qdir.c
 * (scanning a directory and the queue-run selection -qI/-qR/-qS/-qQ) and
 * qlist.c (mailq / -bp output). */
#ifndef SM_QUEUE_H
#define SM_QUEUE_H
#include "queue/envelope.h"
#include "lib/buf.h"
#include <stdbool.h>
#include <stdio.h>

/* --------------------------------------------------------------- ids */
/* A new queue id of the reference's shape YMDhmsNNppppp for time now and
 * this process, unique among the ids this process made (NN counts up). */
void qid_new(char out[32], time_t now);

/* --------------------------------------------------------------- files */
/* the path "DIR/xxID" of one of a message's files */
void qf_path(buf_t *out, const char *qdir, int type, const char *qid);

/* Create and lock dfID in qdir exclusively (O_EXCL, QueueFileMode);
 * returns the fd or -1 with errno set. */
int df_create(const char *qdir, const char *qid);

/* Write e as a control file: tfID, fsync (when fsync is true, the
 * SuperSafe rule), rename to qfID (or hfID when e->quarantine is set).
 * The result keeps the exclusive lock: *lockfd receives the fd of the qf,
 * which the caller closes (or passes to qf_rewrite) when done; lockfd may
 * be NULL to release it.  Returns 0, or -1 with errno set and nothing
 * left behind but the old qf, if any. */
int qf_write(const envelope_t *e, bool fsync, int *lockfd);

/* Read a control file into e (e is initialized by the caller); bounded:
 * a line over QF_LINE_MAX bytes or a malformed line is an error, reported
 * in err with the reference's wording where it has one.  Returns 0/-1. */
#define QF_LINE_MAX (64 * 1024)
int qf_read(FILE *fp, envelope_t *e, buf_t *err);

/* Open qdir/qfID and take its lock without waiting; returns the fd, or -1
 * with errno EWOULDBLOCK when another process holds it. */
int qf_open_locked(const char *qdir, const char *qid, bool write);

/* Remove a delivered message's qf and df (df first is wrong: qf first). */
int queue_remove(const char *qdir, const char *qid);

/* --------------------------------------------------------------- runs */
/* What selects queue entries: -qI/-qR/-qS (substring), -q!I... (negated),
 * -qQ (quarantined).  Several of one kind are or-ed. */
typedef struct qselect {
	char **ids, **rcpts, **senders, **quar;
	size_t nids, nrcpts, nsenders, nquar;
	bool not_ids, not_rcpts, not_senders, not_quar;
	bool quarantined;            /* list hf files instead of qf */
} qselect_t;

typedef struct qentry {
	char qid[32];
	bool locked;                 /* another process works on it ("*") */
	bool no_qf;                  /* df/tf without a qf */
	envelope_t env;
} qentry_t;

/* Every entry of qdir that matches sel, read and sorted by the
 * QueueSortOrder; *n receives the count.  free with qentries_free. */
qentry_t *queue_scan(const char *qdir, const qselect_t *sel,
		     const char *sortorder, size_t *n);
void qentries_free(qentry_t *v, size_t n);

/* mailq / sendmail -bp: print the queue as the reference does (verbose
 * is -v); returns the exit status. */
int queue_print(const char *qdir, const qselect_t *sel, bool verbose, FILE *out);

#endif
