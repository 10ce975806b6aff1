/* loadavg.h - the load average and what the reference does with it:
 *
 *  - QueueLA / QueueFactor: at a load average LA >= QueueLA, a message
 *    whose priority is above QueueFactor / (LA - QueueLA + 1) is only
 *    queued (submissions, SMTP; "to=..., stat=queued", -v "rcpt... queued"),
 *    skipped by queue runs (not counted in "sequence N of M"), and marked
 *    'X' by mailq; a queue run whose RecipientFactor is above that limit
 *    is skipped altogether ("Skipping queue run -- load average too high"
 *    with -v, "runqueue: ..." logged).  Orders that do not read the
 *    control files (random, modification, filename, none) filter nothing.
 *  - RefuseLA: at LA >= RefuseLA the SMTP daemon stops accepting: the
 *    reference closes its listening sockets, titles itself "rejecting
 *    connections on daemon NAME: load average: LA" and logs the same at
 *    notice level, and listens again once the load is lower.
 *
 * LA is the one-minute average from /proc/loadavg (as the reference reads
 * it; getloadavg(3) where that file cannot be read) rounded to the nearest integer (16.50 -> 17); -1 when unknown, which
 * never queues or refuses.  Tests fake it by bind-mounting a file over
 * /proc/loadavg in the sandbox's private mount namespace: no hook in the
 * program, so nothing an unprivileged user could use. */
#ifndef SM_LOADAVG_H
#define SM_LOADAVG_H
#include <limits.h>
#include <stdbool.h>

struct cf;

int la_current(void);
/* the priority above which messages wait, at load la (LONG_MAX: none) */
long la_queue_limit(struct cf *cf, int la);
/* should a message of priority pri be queued only, now? */
bool la_shouldqueue(struct cf *cf, long pri);
/* should the daemon refuse connections now?  *la gets the load */
bool la_refuse(struct cf *cf, int *la);

#endif
