/* hops.h - MaxHopCount at submission: a message that has already passed
 * through too many hosts fails for every recipient. */
#ifndef SM_SUBMIT_HOPS_H
#define SM_SUBMIT_HOPS_H
#include "conf/cf.h"
#include "queue/envelope.h"
#include <stdbool.h>

/* The hop count of e: one more than its trace fields (Received:, Via:,
 * Mail-From: ... as given), or -h's value when that is larger.  Above
 * MaxHopCount every queued recipient of e fails (5.4.6 "Too many hops",
 * noted for the error report) and the reference's SYSERR line is logged;
 * returns true then. */
bool submit_too_many_hops(cf_t *cf, envelope_t *e, long hflag);

#endif
