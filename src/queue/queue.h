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
#include <sys/types.h>

/* --------------------------------------------------------------- ids */
/* A new queue id of the reference's shape YMDhmsNNppppp for time now and
 * this process, unique among the ids this process made (NN counts up).
 * Y M D h m s and NN are base-60 digits (0-9 A-Z a-x): the year since 1900
 * mod 60, month 0-11, day, hour, minute, second; NN is a per-process
 * envelope counter (two digits, starting at a random value, wrapping at
 * 3600); ppppp is the pid, at least six digits, zero padded. */
void qid_new(char out[32], time_t now);

/* Claim a fresh id in qdir: qid_new, then create qfID O_EXCL (empty,
 * QueueFileMode) and flock it exclusively, as the reference does before
 * it writes anything; on EEXIST the next id is tried.  Returns the fd of
 * the locked (still empty) qf, which qf_write later replaces, or -1. */
int qid_claim(const char *qdir, char out[32], time_t now);

/* QueueFileMode for the files this process creates (default 0600) */
void queue_set_filemode(mode_t mode);
mode_t queue_filemode(void);

/* --------------------------------------------------------------- files */
/* the path "DIR/xfID" of one of a message's files; type is the first
 * letter ('q', 'd', 't', 'x', 'h', 'Q').  When DIR has qf/, df/ or xf/
 * subdirectories the file is in the one for its kind (q, t, h and Q files
 * in qf/). */
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

/* The text of e's control file, byte for byte what the reference writes:
 * V T K N P I B M F $... q d S Z A, then per recipient C (only when it
 * changes) M Q r R, lines kept from the read (unknown), H lines with their
 * continuation lines, ".". */
void qf_format(const envelope_t *e, buf_t *out);

/* Read a control file into e (e is initialized by the caller); bounded:
 * a line over QF_LINE_MAX bytes, a NUL byte, a bad number, a line of an
 * unknown kind that cannot be kept, a missing final "." are errors,
 * reported in err as "line N: what".  What was read before the error stays
 * in e (mailq shows it).  Returns 0/-1. */
#define QF_LINE_MAX (64 * 1024)
int qf_read(FILE *fp, envelope_t *e, buf_t *err);
/* the same over a byte string (tests, fuzzing) */
int qf_read_mem(const char *data, size_t len, envelope_t *e, buf_t *err);

/* qf_read from the start of fd (a locked control file; fd stays open) */
int qf_read_fd(int fd, envelope_t *e, buf_t *err);

/* Open qdir/qfID and take its lock without waiting; returns the fd, or -1
 * with errno EWOULDBLOCK when another process holds it.  The lock is
 * flock(2), as the reference's: exclusive for write, shared otherwise
 * (mailq's probe).  A qf removed or replaced by another process between
 * the open and the lock is -1 with ENOENT (never a lock on a stale
 * file). */
int qf_open_locked(const char *qdir, const char *qid, bool write);
/* the same for the control file of another type ('h': quarantined) */
int qf_open_locked_type(const char *qdir, int type, const char *qid, bool write);

/* Remove a delivered message's qf and df (df first is wrong: qf first). */
/* qsync.c: a df's fsync deferred until its control file is written, so
 * both go to disk together (qf_write flushes them before the rename) */
void qsync_start(int fd);
int qsync_defer(int fd);
int qsync_flush(void);
void qsync_drop(void);
int queue_remove(const char *qdir, const char *qid);
/* remove the message's file of this type; 0 also when it was not there */
int queue_unlink(const char *qdir, int type, const char *qid);
/* whether the message's file of this type may exist (a lookup, no lock) */
bool queue_file_exists(const char *qdir, int type, const char *qid);
/* a message no one could be told about: its qf renamed Qf, the df kept
 * ("savemail panic"); -1 with errno on failure */
int queue_lose(const char *qdir, const char *qid);

/* Remove what dead processes left in qdir: each tf, and each df without
 * a qf/hf/Qf, that nobody holds locked and that was last written at
 * least ORPHAN_AGE seconds before now.  Returns how many went.  Queue
 * runs call it after their deliveries (qorphan.c). */
#define ORPHAN_AGE 3600
size_t queue_clean_orphans(const char *qdir, time_t now);

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
	bool no_qf;                  /* the qf vanished after the scan */
	bool bad;                    /* qf_read reported an error */
	size_t seq;                  /* position in the directory (stable sorts) */
	time_t mtime;                /* of the qf (QueueSortOrder=modification) */
	envelope_t env;              /* env.msgsize: size of the df, -1 if none */
} qentry_t;

/* Does entry e match sel?  -qI is a case-sensitive substring of the id,
 * -qR/-qS case-insensitive substrings of a recipient / the sender, -qQ of
 * the quarantine reason; several of one kind are or-ed, kinds and-ed.  A
 * negated -q!R selects entries having a recipient without the string (the
 * reference's behaviour), -q!I/-q!S/-q!Q entries without it. */
bool qselect_match(const qselect_t *sel, const char *qid, const envelope_t *e);
/* add one -q argument (the text after "-q": "Rbob", "!Sx", "Q", "Ireason");
 * returns 1 when it was a selection, 0 when not (a run interval, "f",
 * "p"...) */
int qselect_add(qselect_t *sel, const char *arg);
void qselect_free(qselect_t *sel);

/* bytes of the message's df (-1 if missing) */
long queue_df_size(const char *qdir, const envelope_t *e, const char *qid);
/* the size the reference counts for a message read back from the queue
 * (SIZE= of a queue run, the base of a report's priority): e->msgsize (the
 * df) plus the header lines as the qf holds them, stored macros
 * ("\x81g") not counted */
long queue_counted_size(const envelope_t *e);
/* the size the reference gives a message read back from the queue when it
 * sizes a report about it (black box): e->msgsize plus, per qf header
 * line, its text after the ?flags? with stored macro bytes counted, and
 * its newline only when the line has flags (H?P?, H?D?...; not H??) */
long queue_report_base(const envelope_t *e);

/* Every entry of qdir that matches sel, read and sorted by the
 * QueueSortOrder (its first letter: p h f t r m n; NULL is priority);
 * *n receives the count.  Locked entries are read too and flagged.
 * Returns NULL with errno set when qdir cannot be read.  free with
 * qentries_free. */
qentry_t *queue_scan(const char *qdir, const qselect_t *sel,
		     const char *sortorder, size_t *n);
void qentries_free(qentry_t *v, size_t n);

/* The queue directories a QueueDirectory value names: itself, or with a
 * trailing '*' every directory matching it, sorted. free each and the
 * vector.  *n is 0 when a wildcard matches nothing. */
char **queue_dirs(const char *spec, size_t *n);

/* mailq / sendmail -bp: print the queue as the reference does (verbose
 * is -v); returns the exit status. */
int queue_print(const char *qdir, const qselect_t *sel, bool verbose, FILE *out);
/* the same over several directories (one block each, one total line);
 * sortorder as queue_scan.  A directory that cannot be entered gives
 * "can not chdir(DIR/): why" and EX_CONFIG, as the reference's. */
int queue_print_dirs(char **dirs, size_t ndirs, const qselect_t *sel,
		     const char *sortorder, bool verbose, FILE *out);
/* entries with a priority above this are marked 'X' by the listing (too
 * expensive for the load average now: QueueLA, daemon/loadavg.h) when the
 * sort order reads the control files; LONG_MAX (the default) marks none */
extern long queue_busy_prio;

#endif
