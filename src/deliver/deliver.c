/* deliver.c - the delivery loop over one message: recipients expanded,
 * each queued one handed to its mailer (program, file, or the SMTP
 * client hook), the outcome recorded on the recipient, logged, shown
 * with -v, and a failure handed to the bounce hook. */
#include "deliver/deliver_int.h"
#include "dsn/dsn.h"
#include "smtpc/smtpc.h"
#include "log/log.h"
#include "stats/stats.h"
#include "lib/xalloc.h"
#include "lib/crashpoint.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

#define MF(m, c) ((m)->flags[(unsigned char)(c)] != 0)

static bool is_ipc(const mailer_t *m)
{
	return m->path != NULL && m->path[0] == '[' && strcmp(m->path, "[FILE]") != 0;
}

static bool is_file(const mailer_t *m)
{
	return m->path != NULL && strcmp(m->path, "[FILE]") == 0;
}

/* ctladdr= of a delivery: the controlling address of a program or file,
 * otherwise the sender when it is a local user */
static void log_ctladdr(dctx_t *d, drcpt_t *x, buf_t *out)
{
	const char *mn = x->a.mailer ? x->a.mailer->name : "";

	if (x->att.no_ctl)
		return;
	if (x->have_ctl && (strcmp(mn, "prog") == 0 || is_file(x->a.mailer)))
		/* the controlling address as it was written ("alice@host") */
		buf_printf(out, "%s (%lu/%lu)", x->ctl.alias && *x->ctl.alias ? x->ctl.alias
			   : x->ctl.user, (unsigned long)x->ctl.uid,
			   (unsigned long)x->ctl.gid);
	else if (d->sender_local)
		buf_printf(out, "%s (%lu/%lu)", d->e->sender, (unsigned long)d->sender_uid,
			   (unsigned long)d->sender_gid);
}

/* the outcome of x's attempt on its recipient, the -v line, the log line
 * (to= logto; NULL: none, a joint line covers it), the reports */
static void record(dctx_t *d, drcpt_t *x, const char *logto)
{
	attempt_t *a = &x->att;
	rcpt_t *r = x->r;
	buf_t ctl = BUF_INIT(0);

	if (a->exitstat == EX_OK) {
		r->state = RS_SENT;
		/* the statistics: an SMTP transaction counts once (deliver_group) */
		if (!is_ipc(x->a.mailer))
			stats_to(x->a.mailer->index, d->e->msgsize);
	}
	else
		r->state = a->dsn && a->dsn[0] == '4' ? RS_DEFERRED : RS_FAILED;
	env_set_str(&r->status, a->dsn);
	env_set_str(&r->statmsg, a->stat);
	env_set_str(&r->mailer, x->a.mailer->name);
	env_set_str(&r->user, x->a.user);
	if (a->exitstat != EX_OK)
		env_set_str(&d->e->msg, a->emsg != NULL ? a->emsg : a->stat);
	if (a->shown)
		;   /* the SMTP client printed it with the dialogue */
	else if (a->exitstat == EX_OK || a->exitstat == EX_TEMPFAIL)
		dverbose(d, "%s... %s", shown_addr(r->addr), a->stat);
	else if (d->o->errmode == 0)   /* a submitter gets the error report */
		dverbose(d, "%s", a->stat);
	log_ctladdr(d, x, &ctl);
	if (logto != NULL)
		deliver_log_ctl(d->e, logto, ctl.len ? buf_str(&ctl) : NULL, x->a.mailer->name, a,
				time(NULL));
	buf_free(&ctl);
	/* the exit status: any failure at -odi; in a queue run only a
	 * remote refusal or the MTA's own (the reference's queue run exits 0
	 * after local failures, 67 after an SMTP "550 User unknown", 65
	 * after check_compat refused) */
	if (r->state == RS_FAILED && d->o->failstat != NULL && *d->o->failstat == 0 &&
	    (!d->o->queue_run || a->shown || a->own_error))
		*d->o->failstat = a->exitstat;
	if (r->state == RS_FAILED)
		dsn_queue_bounce(d->cf, d->e, r, a, 'f');
	else if (r->state == RS_SENT) {
		if (!a->no_receipt)
			dsn_queue_bounce(d->cf, d->e, r, a, 'r');
	}
	else
		dsn_queue_bounce(d->cf, d->e, r, a, 'd');
}

static bool same_host(const char *a, const char *b)
{
	return strcasecmp(a ? a : "", b ? b : "") == 0;
}

/* the order the reference hands a group over in: the send queue's,
 * last first (expand.c orders the queue) */
static void order_group(drcpt_t **g, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		drcpt_t *t = g[i];
		g[i] = g[n - 1 - i];
		g[n - 1 - i] = t;
	}
}

/* x and every later queued recipient for the same [IPC] mailer (with
 * F=m) and host, in one SMTP transaction: at most the mailer's r= of
 * them (100 by default); the rest go in the next one */
static void deliver_group(dctx_t *d, drcpt_t *x)
{
	mailer_t *m = x->a.mailer;
	drcpt_t **g = xcalloc(d->n, sizeof *g);
	size_t n = 0, i, max = m->maxrcpt > 0 ? (size_t)m->maxrcpt : d->n;
	rcpt_t *r;
	buf_t to = BUF_INIT(0);
	bool first = true;

	for (r = x->r; r != NULL && n < d->n && n < max; r = r->next) {
		drcpt_t *y = dctx_find(d, r);
		if (y == NULL || r->state != RS_QUEUED || !y->resolved || y->a.mailer != m ||
		    !same_host(y->a.host, x->a.host) || (n > 0 && !MF(m, 'm')))
			continue;
		g[n++] = y;
	}
	order_group(g, n);
	for (i = 0; i < n; i++)
		attempt_free(&g[i]->att);
	crashpoint("mailer-before");
	deliver_smtp(d, g, n);
	crashpoint("mailer-after");
	for (i = 0; i < n; i++)
		if (g[i]->att.exitstat == EX_OK) {
			stats_to(m->index, d->e->msgsize);
			break;
		}
	/* those with their own reply first, then the ones sharing the
	 * transaction's outcome in one line */
	for (i = 0; i < n; i++)
		if (g[i]->att.shared)
			buf_printf(&to, "%s%s", to.len ? "," : "", g[i]->r->addr);
	for (int pass = 0; pass < 2; pass++)
		for (i = 0; i < n; i++) {
			if (g[i]->att.shared != (pass == 1))
				continue;
			record(d, g[i], pass == 0 ? g[i]->r->addr : first ? buf_str(&to) : NULL);
			first = pass == 0;
			/* a deferral the remote replied keeps its text on the
			 * recipient (the qf M line before its R line) */
			env_set_str(&g[i]->r->rmsg, g[i]->r->state == RS_DEFERRED && g[i]->att.reply != NULL
					   ? g[i]->att.stat : NULL);
		}
	buf_free(&to);
	free(g);
}

static void deliver_one(dctx_t *d, drcpt_t *x)
{
	mailer_t *m = x->a.mailer;

	if (is_ipc(m)) {
		deliver_group(d, x);
		return;
	}
	attempt_free(&x->att);
	crashpoint("mailer-before");
	if (is_file(m))
		deliver_file(d, x);
	else
		deliver_prog(d, &x, 1);
	crashpoint("mailer-after");
	record(d, x, x->r->addr);
}

int deliver_envelope(cf_t *cf, envelope_t *e, const deliver_opts_t *o)
{
	dctx_t d;
	rcpt_t *r;
	int left = 0;

	signal(SIGPIPE, SIG_IGN);
	log_set_qid(e->qid);
	dctx_init(&d, cf, e, o);
	expand_all(&d);
	for (r = e->rcpts; r != NULL; r = r->next) {
		drcpt_t *x = dctx_find(&d, r);
		if (x == NULL || r->state != RS_QUEUED || !x->resolved || x->a.mailer == NULL)
			continue;
		switch (compat_check(&d, x)) {
		case COMPAT_DISCARD:
			r->state = RS_SENT;     /* dropped, nothing logged */
			break;
		case COMPAT_REFUSED:
			record(&d, x, r->addr);
			break;
		default:
			deliver_one(&d, x);
		}
	}
	for (r = e->rcpts; r != NULL; r = r->next)
		left += r->state == RS_QUEUED || r->state == RS_DEFERRED;
	dctx_free(&d);
	return left;
}

int deliver_message(cf_t *cf, envelope_t *e, int lockfd, const deliver_opts_t *o)
{
	static int depth;    /* reports are delivered from within */
	int r;

	if (o->queue_run)
		e->prio += opt_num(&cf->opt, OPT_RetryFactor);
	depth++;
	deliver_envelope(cf, e, o);
	stats_flush_cf(cf);
	dsn_after_run(cf, e, o);
	crashpoint("requeue-before");
	r = deliver_requeue(cf, e, &lockfd, o->queue_run);
	if (lockfd >= 0)
		close(lockfd);
	/* outside a queue run the connections kept end with the message and
	 * its reports (a queue run closes them when it ends) */
	if (--depth == 0 && !o->queue_run)
		smtpc_close_all();
	return r;
}
