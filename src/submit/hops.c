/* hops.c - MaxHopCount at submission (see hops.h). */
#include "submit/hops.h"
#include "addr/header.h"
#include "dsn/dsn.h"
#include "log/log.h"
#include "lib/buf.h"
#include <pwd.h>
#include <time.h>
#include <unistd.h>

static long hop_count(const envelope_t *e, long hflag)
{
	long n = 1;   /* the Received: field this host adds */

	for (const hdr_t *h = e->hdrs; h != NULL; h = h->next)
		if ((h->flags & H_TRACE) && (h->flags & H_USER))
			n++;
	return hflag > n ? hflag : n;
}

/* every queued recipient fails; the report gives the short reply as the
 * reason and the whole text in the transcript */
static void fail_all(envelope_t *e, const char *why)
{
	buf_t line = BUF_INIT(4096);

	for (rcpt_t *r = e->rcpts; r != NULL; r = r->next) {
		if (r->state != RS_QUEUED)
			continue;
		r->state = RS_FAILED;
		r->tried = time(NULL);
		env_set_str(&r->status, "5.4.6");
		env_set_str(&r->statmsg, why);
		env_set_str(&r->reason, "554 5.4.6 Too many hops");
		env_set_str(&r->diag, "X-Unix; 554 5.4.6 Too many hops");
		if (!letter_has(r->flags, RF_HAS_NOTIFY) || letter_has(r->flags, RF_NOTIFY_FAIL))
			r->dsn_due = DSN_FAILURE;
	}
	buf_printf(&line, "554 5.4.6 %s", why);
	dsn_xscript(e, buf_str(&line));
	env_set_str(&e->msg, why);
	buf_free(&line);
}

bool submit_too_many_hops(cf_t *cf, envelope_t *e, long hflag)
{
	long max = opt_num(&cf->opt, OPT_MaxHopCount);
	long hops = hop_count(e, hflag);
	const char *s = mac_get(&cf->mac, 's');
	const char *to = NULL;
	buf_t why = BUF_INIT(4096);

	if (hops <= max)
		return false;
	for (const rcpt_t *r = e->rcpts; r != NULL && to == NULL; r = r->next)
		if (r->state == RS_QUEUED)
			to = r->addr;
	buf_printf(&why, "Too many hops %ld (%ld max): from %s via %s, to %s", hops, max,
		   e->sender ? e->sender : "", s != NULL ? s : "localhost", to ? to : "");
	sm_log(1, LOG_CRIT, "SYSERR(%s): %s", log_real_user(), buf_str(&why));
	fail_all(e, buf_str(&why));
	buf_free(&why);
	return true;
}
