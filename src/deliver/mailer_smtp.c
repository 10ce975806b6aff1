/* mailer_smtp.c - delivery through an [IPC] mailer: a group of
 * recipients for the same mailer and host handed to the SMTP client
 * (src/smtpc) in one transaction.  The envelope is rewritten for the
 * mailer here (sender by S=, recipients by R=), the ESMTP parameters
 * taken from the queue entry (SIZE, BODY, ENVID, RET, NOTIFY, ORCPT,
 * AUTH), the port from the mailer's A= ("TCP $h 587"), and each
 * recipient's outcome turned into its attempt record. */
#include "deliver/deliver_int.h"
#include "lib/xalloc.h"
#include "queue/queue.h"
#include "smtpc/smtpc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define MF(m, c) ((m)->flags[(unsigned char)(c)] != 0)

/* "TCP $h 587": the third word; 25 otherwise */
static int mailer_port(const mailer_t *m)
{
	const char *a = m->argv ? m->argv : "";
	int w = 0;

	while (*a) {
		a += strspn(a, " \t");
		if (*a == '\0')
			break;
		if (++w == 3)
			return atoi(a) > 0 && atoi(a) < 65536 ? atoi(a) : 25;
		a += strcspn(a, " \t");
	}
	return 25;
}

/* an address as the mailer's rules write it, without <> */
static void rewritten(dctx_t *d, mailer_t *m, const char *addr, unsigned fl, buf_t *out)
{
	buf_t t = BUF_INIT(0);
	const char *s;
	size_t n;

	remotename(d->cf, NULL, addr, m, fl, &t);
	s = buf_str(&t);
	n = strlen(s);
	if (n >= 2 && s[0] == '<' && s[n - 1] == '>')
		buf_add(out, s + 1, n - 2);
	else
		buf_adds(out, s);
	buf_free(&t);
}

static void notify_of(const rcpt_t *r, buf_t *out)
{
	if (!letter_has(r->flags, RF_HAS_NOTIFY))
		return;
	if (letter_has(r->flags, RF_NOTIFY_SUCC))
		buf_adds(out, "SUCCESS");
	if (letter_has(r->flags, RF_NOTIFY_FAIL))
		buf_printf(out, "%sFAILURE", out->len ? "," : "");
	if (letter_has(r->flags, RF_NOTIFY_DELAY))
		buf_printf(out, "%sDELAY", out->len ? "," : "");
	if (out->len == 0)
		buf_adds(out, "NEVER");
}

/* BODY=: given at submission; 7BIT when the df has no 8-bit byte */
static const char *body_of(dctx_t *d)
{
	buf_t p = BUF_INIT(4096);
	FILE *f;
	int c;
	bool eight = false;

	if (d->e->bodytype == NULL)
		return NULL;
	qf_path(&p, d->e->dfdir ? d->e->dfdir : d->e->qdir, 'd', d->e->qid);
	f = fopen(buf_str(&p), "r");
	buf_free(&p);
	if (f == NULL)
		return d->e->bodytype;
	while (!eight && (c = getc(f)) != EOF)
		eight = (c & 0x80) != 0;
	fclose(f);
	return eight ? "8BITMIME" : "7BIT";
}

typedef struct wmsg {
	dctx_t *d;
	mailer_t *m;
	drcpt_t *to;
} wmsg_t;

static int write_msg(void *arg, smtpc_put_fn put, void *putarg)
{
	wmsg_t *w = arg;
	return msg_write(w->d, w->m, w->to, put, putarg);
}

static void to_attempt(const smtpc_req_t *q, const smtpc_rcpt_t *r, attempt_t *a, time_t start)
{
	attempt_free(a);
	a->exitstat = r->exitstat < 0 ? EX_TEMPFAIL : r->exitstat;
	env_set_str(&a->dsn, r->dsn[0] ? r->dsn : exit_dsn(a->exitstat));
	env_set_str(&a->stat, r->stat.len ? buf_str(&r->stat) : "Deferred");
	if (r->reply.len)
		env_set_str(&a->reply, buf_str(&r->reply));
	if (r->emsg.len)
		env_set_str(&a->emsg, buf_str(&r->emsg));
	if (q->relay.len)
		env_set_str(&a->relay, buf_str(&q->relay));
	if (r->xscript.len) {
		buf_t t = BUF_INIT(0);
		buf_add(&t, r->xscript.p, r->xscript.len - 1);   /* no last '\n' */
		a->xscript = buf_steal(&t);
	}
	a->shown = true;
	a->shared = !r->own;
	a->no_receipt = a->exitstat == EX_OK && q->dsn_relayed;
	a->ran = true;
	a->start = start;
}

void deliver_smtp(dctx_t *d, drcpt_t **to, size_t n)
{
	mailer_t *m = to[0]->a.mailer;
	smtpc_rcpt_t *rv = xcalloc(n, sizeof *rv);
	buf_t *addrs = xcalloc(n, sizeof *addrs), *notes = xcalloc(n, sizeof *notes);
	buf_t from = BUF_INIT(0), va = BUF_INIT(0);
	smtpc_req_t q;
	wmsg_t w = { d, m, to[0] };
	time_t start = time(NULL);
	const char *s = d->e->sender ? d->e->sender : "";

	smtpc_req_init(&q, rv, n);
	if (strcmp(s, "<>") != 0 && *s)
		rewritten(d, m, s, RF_SENDERADDR | RF_CANONICAL, &from);
	for (size_t i = 0; i < n; i++) {
		buf_init(&addrs[i], 0);
		buf_init(&notes[i], 0);
		rewritten(d, m, to[i]->a.user ? to[i]->a.user : to[i]->r->addr, RF_RECIPADDR | RF_CANONICAL,
			  &addrs[i]);
		notify_of(to[i]->r, &notes[i]);
		rv[i].addr = buf_str(&addrs[i]);
		rv[i].name = to[i]->r->addr;
		rv[i].notify = notes[i].len ? buf_str(&notes[i]) : NULL;
		rv[i].orcpt = to[i]->r->orcpt;
		buf_printf(&va, "%s%s", i ? "," : "", to[i]->r->addr);
	}
	q.cf = d->cf;
	q.mailer = m->name;
	q.host = to[0]->a.host ? to[0]->a.host : "";
	q.port = mailer_port(m);
	q.esmtp = MF(m, 'a');
	q.heloname = mac_get(&d->cf->mac, 'j') ? mac_get(&d->cf->mac, 'j') : "localhost";
	q.from = buf_str(&from);
	q.size = d->o->queue_run ? queue_counted_size(d->e) : d->e->msgsize;
	q.body = body_of(d);
	q.envid = d->e->envid;
	q.ret = letter_has(d->e->eflags, EF_RET_PARAM)
		? (letter_has(d->e->eflags, EF_NO_BODY) ? "HDRS" : "FULL") : NULL;
	q.auth_param = d->e->auth;
	q.write_msg = write_msg;
	q.msgarg = &w;
	q.verbose = d->o->verbose ? d->o->out : NULL;
	q.show_failures = d->o->queue_run;
	q.vaddrs = buf_str(&va);
	smtpc_deliver(&q);
	for (size_t i = 0; i < n; i++) {
		to_attempt(&q, &rv[i], &to[i]->att, start);
		buf_free(&addrs[i]);
		buf_free(&notes[i]);
	}
	smtpc_req_free(&q);
	free(rv);
	free(addrs);
	free(notes);
	buf_free(&from);
	buf_free(&va);
}
