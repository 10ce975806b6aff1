/* rcpt_expand.c - DeliveryMode=interactive: a recipient's aliases are
 * expanded when the client names it, as the reference does, so that an
 * alias of an unknown user is refused in the dialogue ("550 5.1.1
 * nosuchuser... User unknown", the same text logged at notice) instead
 * of bouncing later.  The expansion here is a probe: nothing is logged
 * or queued by it; the message's own expansion happens when it is
 * committed (submit_commit with expand_now). */
#include "smtpd/smtpd_int.h"
#include "deliver/deliver.h"
#include "log/log.h"
#include <stdio.h>
#include <string.h>

bool rcpt_expand_refused(session_t *s, const char *path, verdict_t *v)
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
	}
	env_free(&t);
	log_set_qid(s->qid);
	return bad != NULL;
}
