/* owner_split.h - mailing-list owners at queueing time: the recipients
 * an alias X expanded to, where an alias owner-X exists, travel in a
 * clone of the envelope whose sender is owner-X's value (bounces of a
 * list go to its owner), as the reference queues them: the clone gets
 * the next queue id and a hard link to the df; the original keeps the
 * other recipients and is not queued when none is left. */
#ifndef SM_OWNER_SPLIT_H
#define SM_OWNER_SPLIT_H
#include "queue/envelope.h"
#include "conf/cf.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct clones {
	envelope_t *v;
	int *lockfd;        /* per clone: its qf lock once committed with one
	                       kept (-1: none); clones_free closes them */
	size_t n;
} clones_t;

/* move e's queued recipients that have an owner into clones (one per
 * owner, in order of first appearance); nothing is written yet */
void owner_split(envelope_t *e, clones_t *c);
/* commit one clone: link the df, write the qf (tf, fsync, rename);
 * lockfd not NULL: receives the fd holding the qf's lock */
int owner_commit(const envelope_t *orig, envelope_t *k, bool sync, int *lockfd);
void clones_free(clones_t *c);
/* a delivery about to start (background delivery of a message received
 * over SMTP), e's aliases already expanded (deliver_expand): the members
 * of owner- lists moved into clones, each committed with its qf lock kept
 * in c->lockfd (-1: not committed) and logged "clone: owner=..." */
void owner_split_commit(cf_t *cf, envelope_t *e, clones_t *c);
/* does e still have a recipient to queue? */
bool env_has_queued(const envelope_t *e);

#endif
