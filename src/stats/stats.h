/* stats.h - the statistics file (StatusFile, read by mailstats): the
 * reference's binary layout, and the per-process counters sendmail adds
 * to it.
 *
 * The file is one record in the host's byte order (LP64 sizes):
 *     0  int32 magic 0x1B1DE      4  int32 version 4
 *     8  int64 time counting began
 *    16  int16 record size (1448), 6 bytes padding
 *    24  int64 connections from, to, rejected
 *    48  int64 x 25 messages from each mailer
 *   248  int64 x 25 kbytes from,  448 messages to,  648 kbytes to,
 *   848  rejected,  1048 discarded,  1248 quarantined   (end 1448)
 * Kbytes are ceil(size / 1000).  A file that is empty, short, or carries
 * another magic, version or size is started again by sendmail (mailstats
 * refuses it).  The file is never created, only updated under flock. */
#ifndef SM_STATS_H
#define SM_STATS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define STATS_MAGIC 0x1B1DE
#define STATS_VERSION 4
#define STATS_MAXMAILERS 25
#define STATS_SIZE 1448

enum { ST_NF, ST_BF, ST_NT, ST_BT, ST_NR, ST_ND, ST_NQ, ST_NARR };
enum { ST_CONN_FROM, ST_CONN_TO, ST_CONN_REJ, ST_NCONN };

typedef struct stats {
	int32_t magic, version;
	int64_t itime;
	int16_t size;
	int64_t conn[ST_NCONN];
	int64_t v[ST_NARR][STATS_MAXMAILERS];
} stats_t;

/* decode() results */
#define STATS_OK 0
#define STATS_EMPTY 1      /* no bytes */
#define STATS_BADMAGIC 2
#define STATS_BADVERSION 3
#define STATS_BADSIZE 4    /* short file or another size field */

void stats_clear(stats_t *s, time_t now);
int stats_decode(const unsigned char *img, size_t n, stats_t *s);
void stats_encode(const stats_t *s, unsigned char img[STATS_SIZE]);
int64_t stats_kbytes(long bytes);

/* ---- sendmail's counters: kept in the process, added to the file by
 * stats_flush (at the end of a submission and of a delivery run).  A
 * mailer index outside 0..24 is not counted. */
void stats_from(int mailer, long bytes);       /* a message received */
void stats_to(int mailer, long bytes);         /* a message delivered */
void stats_reject(int mailer);                 /* rejected (SMTP) */
void stats_discard(int mailer);                /* discarded (SMTP) */
void stats_quarantine(int mailer);
void stats_conn(int which);                    /* ST_CONN_* */
bool stats_pending(void);
void stats_forget(void);                       /* a forked child: drop the parent's */
/* add the pending counters to the file (a relative path is taken from
 * qdir); failures are silent, as the reference's; counters are dropped */
void stats_flush(const char *path, const char *qdir);

/* stats_cf.c: in the cf's terms */
struct cf;
int stats_sender_mailer(struct cf *cf, const char *sender);  /* -1: none */
void stats_flush_cf(struct cf *cf);   /* StatusFile under QueueDirectory */
/* a message received from sender, counted when StatusFile exists */
void stats_note_from(struct cf *cf, const char *sender, long bytes);

#endif
