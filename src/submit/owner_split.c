/* owner_split.c - clones of an envelope per mailing-list owner (see
 * owner_split.h).  The clone is made through the qf text (qf_format,
 * qf_read_mem), so it carries exactly what a control file carries. */
#include "submit/owner_split.h"
#include "queue/queue.h"
#include "lib/buf.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "submit/submit.h"
#include "conf/cf.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>

bool env_has_queued(const envelope_t *e)
{
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		if (r->state == RS_QUEUED)
			return true;
	return false;
}

static const char *next_owner(const envelope_t *e)
{
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		if (r->state == RS_QUEUED && r->owner != NULL)
			return r->owner;
	return NULL;
}

/* k: a copy of e whose recipients are the queued ones of e with this
 * owner (the qf text lists e's queued recipients in order) */
static int make_clone(envelope_t *e, const char *owner, envelope_t *k)
{
	buf_t text = BUF_INIT(0), err = BUF_INIT(0);
	rcpt_t *kr;
	int rc;

	qf_format(e, &text);
	env_init(k);
	rc = text.overflow ? -1 : qf_read_mem(text.p, text.len, k, &err);
	buf_free(&text);
	buf_free(&err);
	if (rc != 0)
		return -1;
	kr = k->rcpts;
	for (rcpt_t *r = e->rcpts; r != NULL; r = r->next) {
		if (r->state != RS_QUEUED && r->state != RS_DEFERRED)
			continue;
		if (kr == NULL)
			return -1;
		if (r->state == RS_QUEUED && r->owner != NULL && strcmp(r->owner, owner) == 0) {
			env_set_str(&kr->mailer, r->mailer);
			r->state = RS_EXPANDED;      /* moved to the clone */
		} else
			kr->state = RS_EXPANDED;     /* stays with e */
		kr = kr->next;
	}
	env_set_str(&k->sender, owner);
	k->prio = e->prio;
	k->msgsize = e->msgsize;
	k->msgclass = e->msgclass;
	k->ctime = e->ctime;
	qid_new(k->qid, e->ctime);
	env_set_str(&k->qdir, e->qdir);
	return 0;
}

void owner_split(envelope_t *e, clones_t *c)
{
	const char *owner;

	memset(c, 0, sizeof *c);
	while ((owner = next_owner(e)) != NULL) {
		char *o = xstrdup(owner);
		c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
		c->lockfd = xrealloc(c->lockfd, (c->n + 1) * sizeof *c->lockfd);
		c->lockfd[c->n] = -1;
		if (make_clone(e, o, &c->v[c->n]) != 0) {
			env_free(&c->v[c->n]);
			free(o);
			break;          /* cannot happen for a well-formed envelope */
		}
		c->n++;
		free(o);
	}
}

int owner_commit(const envelope_t *orig, envelope_t *k, bool sync, int *lockfd)
{
	buf_t from = BUF_INIT(4096), to = BUF_INIT(4096);
	int rc;

	qf_path(&from, orig->qdir, 'd', orig->qid);
	qf_path(&to, k->qdir, 'd', k->qid);
	rc = link(buf_str(&from), buf_str(&to));
	if (rc == 0)
		rc = qf_write(k, sync, lockfd);
	if (rc != 0) {
		int err = errno;
		unlink(buf_str(&to));
		errno = err;
	}
	buf_free(&from);
	buf_free(&to);
	return rc;
}

void clones_free(clones_t *c)
{
	for (size_t i = 0; i < c->n; i++) {
		env_free(&c->v[i]);
		if (c->lockfd[i] >= 0)
			close(c->lockfd[i]);
	}
	free(c->v);
	free(c->lockfd);
	memset(c, 0, sizeof *c);
}

/* a clone that could not be committed: its recipients go back to e */
static void take_back(envelope_t *e, envelope_t *k)
{
	for (rcpt_t *kr = k->rcpts; kr != NULL; kr = kr->next) {
		rcpt_t *r;
		if (kr->state != RS_QUEUED)
			continue;
		r = env_add_rcpt(e, kr->addr, kr->flags);
		env_set_str(&r->ctl, kr->ctl);
		env_set_str(&r->final, kr->final);
		env_set_str(&r->orcpt, kr->orcpt);
		env_set_str(&r->mailer, kr->mailer);
		kr->state = RS_EXPANDED;
	}
}

void owner_split_commit(cf_t *cf, envelope_t *e, clones_t *cl)
{
	bool sync = submit_supersafe(cf);

	owner_split(e, cl);
	for (size_t i = 0; i < cl->n; i++) {
		if (owner_commit(e, &cl->v[i], sync, &cl->lockfd[i]) != 0) {
			sm_log_id(LL_SERIOUS, LOG_ERR, e->qid, "SYSERR: cannot queue clone %s: %s",
				  cl->v[i].qid, strerror(errno));
			take_back(e, &cl->v[i]);    /* never lost: the original keeps them */
			continue;
		}
		sm_log_id(LL_DEFER, LOG_INFO, e->qid, "%s: clone: owner=%s", cl->v[i].qid,
			  cl->v[i].sender);
	}
}
