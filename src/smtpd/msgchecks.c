/* msgchecks.c - the cf's rulesets on a message over SMTP: check_data at
 * the DATA command (its argument the number of recipients; a rejection
 * keeps the transaction), check_eoh once the header is read (number of
 * header fields $| their size, the blank line counted) and check_eom at
 * the end (the message's size).  As the reference: check_eom runs even
 * after check_eoh refused; an error of check_eom wins over check_eoh's,
 * an error over a discard.  A refused message is built and its from=
 * logged but never queued; each recipient gets a "to=..., stat=reason"
 * line. */
#include "smtpd/smtpd_int.h"
#include "log/log.h"
#include "submit/collect.h"
#include <stdio.h>
#include <string.h>

bool data_refused(session_t *s)
{
	char n[24];
	verdict_t v;
	bool no;

	snprintf(n, sizeof n, "%d", s->nrcpts);
	verdict_init(&v);
	policy_check(s, "check_data", n, NULL, &v);
	if (v.discard)
		s->discard = true;
	no = v.code != 0;
	if (no)
		verdict_reply(s, &v);
	verdict_free(&v);
	return no;
}

static size_t header_size(const collect_t *c)
{
	size_t n = 1;    /* the blank line that ends the header */

	for (size_t i = 0; i < c->nhdrs; i++)
		n += strlen(c->hdrs[i]) + 1;
	return n;
}

void msgchecks_run(session_t *s, const collect_t *c, msgchecks_t *m)
{
	char a[24], b[24];

	memset(m, 0, sizeof *m);
	verdict_init(&m->eoh);
	verdict_init(&m->eom);
	snprintf(a, sizeof a, "%zu", c->nhdrs);
	snprintf(b, sizeof b, "%zu", header_size(c));
	policy_check(s, "check_eoh", a, b, &m->eoh);       /* logged now */
	snprintf(m->size, sizeof m->size, "%ld", c->size);
	policy_eval(s, "check_eom", m->size, NULL, &m->eom); /* after from= */
	m->err = m->eom.code != 0 ? &m->eom : m->eoh.code != 0 ? &m->eoh : NULL;
	m->discard = m->err == NULL && (m->eoh.discard || m->eom.discard);
}

void msgchecks_log_eom(session_t *s, const msgchecks_t *m)
{
	policy_log(s, "check_eom", m->size, NULL, &m->eom);
}

void msgchecks_refuse(session_t *s, const envelope_t *e, const msgchecks_t *m)
{
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		session_log(s, LL_DFAIL, LOG_INFO, "to=%s, delay=00:00:00, pri=%ld, stat=%s",
			    r->addr, e->prio, buf_str(&m->err->text));
	verdict_reply(s, m->err);
}

void msgchecks_free(msgchecks_t *m)
{
	verdict_free(&m->eoh);
	verdict_free(&m->eom);
}
