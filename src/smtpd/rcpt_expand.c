/* rcpt_expand.c - DeliveryMode=interactive: a recipient's aliases are
 * expanded when the client names it, as the reference does, so that an
 * alias of an unknown user is refused in the dialogue ("550 5.1.1
 * nosuchuser... User unknown", the same text logged at notice) instead
 * of bouncing later.  The expansion here is a probe: nothing is logged
 * or queued by it; the message's own expansion happens when it is
 * committed (submit_commit with expand_now).  What it expanded to is
 * remembered for the transaction: a later RCPT of one of those is a
 * duplicate, answered "carol... Recipient ok" as the reference does. */
#include "smtpd/smtpd_int.h"
#include "deliver/deliver.h"
#include "log/log.h"
#include "lib/xalloc.h"
#include "addr/parseaddr.h"
#include <stdio.h>
#include <string.h>

static bool same_triple(const addr_t *x, const addr_t *y)
{
	return x->mailer_name != NULL && y->mailer_name != NULL &&
	       strcmp(x->mailer_name, y->mailer_name) == 0 &&
	       strcmp(x->host ? x->host : "", y->host ? y->host : "") == 0 &&
	       strcmp(x->user ? x->user : "", y->user ? y->user : "") == 0;
}

/* t's recipients left to deliver, other than the one named (self) */
static void remember_leaves(session_t *s, const envelope_t *t, const addr_t *self)
{
	for (const rcpt_t *r = t->rcpts; r != NULL; r = r->next) {
		addr_t a;
		rcpt_t *l;

		if (r->state != RS_QUEUED)
			continue;
		memset(&a, 0, sizeof a);
		if (parseaddr(s->cf, NULL, r->addr, RF_RECIPADDR, &a) == 0 && a.mailer != NULL &&
		    !same_triple(&a, self) &&
		    rcptset_find(&s->rset, a.mailer_name, a.host, a.user) == NULL) {
			l = env_add_rcpt(&s->leaves, r->addr, 0);
			l->mailer = xstrdup(a.mailer_name);
			l->host = xstrdup(a.host ? a.host : "");
			l->user = xstrdup(a.user ? a.user : "");
			rcptset_add(&s->rset, l);
		}
		addr_free(&a);
	}
}

bool rcpt_expand_refused(session_t *s, const char *path, const addr_t *self, verdict_t *v)
{
	envelope_t t;
	deliver_opts_t o;
	letterset_t fl = 0;
	const rcpt_t *bad = NULL;

	if ((int)opt_num(&s->cf->opt, OPT_DeliveryMode) != 'i' || s->o->noalias)
		return false;
	env_init(&t);
	memcpy(t.qid, s->qid, sizeof t.qid);
	env_set_str(&t.qdir, s->o->qdir);
	env_set_str(&t.sender, s->sender);
	letter_set(&fl, RF_PRIMARY, true);
	env_add_rcpt(&t, path, fl);
	memset(&o, 0, sizeof o);
	o.probe = true;
	o.prefailed = true;     /* no to= line, no notice: the reply says it */
	o.errmode = 'q';
	(void)deliver_expand(s->cf, &t, &o);
	for (const rcpt_t *r = t.rcpts; r != NULL && bad == NULL; r = r->next)
		if (r->state == RS_FAILED)
			bad = r;
	if (bad != NULL) {
		buf_printf(&v->text, "%s... %s", bad->addr,
			   bad->statmsg != NULL ? bad->statmsg : "Unknown error");
		v->code = 550;
		snprintf(v->dsn, sizeof v->dsn, "%s",
			 bad->status != NULL && *bad->status == '5' ? bad->status : "5.1.1");
	} else
		remember_leaves(s, &t, self);
	env_free(&t);
	log_set_qid(s->qid);
	return bad != NULL;
}
