/* txn.c - one mail transaction on an open session: MAIL with the ESMTP
 * parameters the server offers (SIZE, BODY, ENVID/RET, AUTH), the RCPTs
 * (NOTIFY/ORCPT) and DATA sent together when the server offers
 * PIPELINING, each recipient's reply recorded, the message sent with
 * Timeout.datablock per block and the final dot with Timeout.datafinal. */
#include "smtpc/smtpc_int.h"
#include "conf/options.h"
#include <string.h>
#include <sysexits.h>

#define BLOCK 8192

typedef struct dsink {
	ssess_t *s;
	buf_t out;
	long timeout;
	int err;
	bool bol;           /* at the start of a line */
} dsink_t;

static int flush(dsink_t *d)
{
	if (d->err == 0 && d->out.len > 0 && sconn_write(&d->s->c, d->out.p, d->out.len, d->timeout) < 0)
		d->err = -1;
	buf_reset(&d->out);
	return d->err;
}

static int put(void *arg, const char *p, size_t n)
{
	dsink_t *d = arg;

	if (n > 0)
		d->bol = p[n - 1] == '\n';
	buf_add(&d->out, p, n);
	return d->out.len >= BLOCK ? flush(d) : d->err;
}

static void mail_cmd(ssess_t *s, buf_t *b)
{
	smtpc_req_t *q = s->q;

	buf_printf(b, "MAIL From:<%s>", q->from);
	if ((s->ext & EXT_SIZE) && q->size > 0)
		buf_printf(b, " SIZE=%ld", q->size);
	if ((s->ext & EXT_8BITMIME) && q->body != NULL)
		buf_printf(b, " BODY=%s", q->body);
	if ((s->ext & EXT_DSN) && q->envid != NULL)
		buf_printf(b, " ENVID=%s", q->envid);
	if ((s->ext & EXT_DSN) && q->ret != NULL)
		buf_printf(b, " RET=%s", q->ret);
	if ((s->ext & EXT_AUTH) && q->auth_param != NULL)  /* offered: sent, authenticated or not */
		buf_printf(b, " AUTH=%s", q->auth_param);
}

static void rcpt_cmd(ssess_t *s, const smtpc_rcpt_t *r, buf_t *b)
{
	buf_reset(b);
	buf_printf(b, "RCPT To:<%s>", r->addr);
	if ((s->ext & EXT_DSN) && r->notify != NULL)
		buf_printf(b, " NOTIFY=%s", r->notify);
	if ((s->ext & EXT_DSN) && r->orcpt != NULL)
		buf_printf(b, " ORCPT=%s", r->orcpt);
}

/* the session failed: every recipient still open gets rep's outcome */
void fail_open(ssess_t *s, const sreply_t *rep)
{
	for (size_t i = 0; i < s->q->nrcpts; i++)
		if (s->q->rcpts[i].exitstat < 0)
			reply_outcome(s, &s->q->rcpts[i], rep, false);
	shared_verbose(s);
}

/* the message after a 354; 0 when the final reply came */
static int send_data(ssess_t *s, sreply_t *rep)
{
	dsink_t d = { .s = s, .out = BUF_INIT(0), .bol = true };
	cf_t *cf = s->q->cf;

	d.timeout = smtpc_timeout(cf, OPT_Timeout_datablock);
	if (s->q->write_msg(s->q->msgarg, put, &d) < 0 && d.err == 0)
		d.err = -2;   /* the df could not be read */
	if (d.err == 0 && !d.bol)
		put(&d, "\r\n", 2);
	flush(&d);
	buf_free(&d.out);
	if (d.err != 0)
		return -1;
	s->phase = "DATA end";
	if (sconn_cmd(s, ".", smtpc_timeout(cf, OPT_Timeout_datafinal), true) < 0 ||
	    sreply_read(s, rep, smtpc_timeout(cf, OPT_Timeout_datafinal)) < 0)
		return -1;
	return 0;
}

/* the RCPT replies; returns the number accepted, -1 on I/O failure */
static int rcpt_replies(ssess_t *s, sreply_t *rep, bool piped, buf_t *cmd)
{
	int ok = 0;
	long t = smtpc_timeout(s->q->cf, OPT_Timeout_rcpt);

	s->phase = "RCPT";
	for (size_t i = 0; i < s->q->nrcpts; i++) {
		smtpc_rcpt_t *r = &s->q->rcpts[i];
		if (!piped) {
			rcpt_cmd(s, r, cmd);
			if (sconn_cmd(s, buf_str(cmd), t, true) < 0)
				return -1;
		}
		if (sreply_read(s, rep, t) < 0)
			return -1;
		r->rcode = rep->code;
		if (rep->code / 100 == 2)
			ok++;
		else
			reply_outcome(s, r, rep, true);
	}
	return ok;
}

void stxn(ssess_t *s)
{
	smtpc_req_t *q = s->q;
	buf_t cmd = BUF_INIT(0);
	sreply_t rep;
	bool piped = (s->ext & EXT_PIPELINING) != 0;
	int ok;

	sreply_init(&rep);
	s->phase = "MAIL";
	mail_cmd(s, &cmd);
	if (sconn_cmd(s, buf_str(&cmd), smtpc_timeout(q->cf, OPT_Timeout_mail), true) < 0 ||
	    sreply_read(s, &rep, smtpc_timeout(q->cf, OPT_Timeout_mail)) < 0 || rep.code / 100 != 2)
		goto fail;
	if (piped) {
		buf_t all = BUF_INIT(0);
		for (size_t i = 0; i < q->nrcpts; i++) {
			rcpt_cmd(s, &q->rcpts[i], &cmd);
			sverbose(s, ">>> %s", buf_str(&cmd));
			buf_printf(&all, "%s\r\n", buf_str(&cmd));
		}
		sverbose(s, ">>> DATA");
		buf_adds(&all, "DATA\r\n");
		buf_set(&s->lastcmd, "DATA");
		ok = sconn_write(&s->c, all.p, all.len, smtpc_timeout(q->cf, OPT_Timeout_rcpt));
		buf_free(&all);
		if (ok < 0)
			goto fail;
	}
	ok = rcpt_replies(s, &rep, piped, &cmd);
	if (ok < 0)
		goto fail;
	s->phase = "DATA";
	if (!piped && ok == 0)
		goto out;
	if ((!piped && sconn_cmd(s, "DATA", smtpc_timeout(q->cf, OPT_Timeout_datainit), true) < 0) ||
	    sreply_read(s, &rep, smtpc_timeout(q->cf, OPT_Timeout_datainit)) < 0)
		goto fail;
	if (rep.code == 354 && ok == 0) {
		/* pipelined DATA accepted without a recipient: end it empty */
		if (sconn_cmd(s, ".", smtpc_timeout(q->cf, OPT_Timeout_datafinal), true) < 0)
			goto fail;
		(void)sreply_read(s, &rep, smtpc_timeout(q->cf, OPT_Timeout_datafinal));
		goto out;
	}
	if (ok == 0)
		goto out;
	if (rep.code != 354 || send_data(s, &rep) < 0)
		goto fail;
	for (size_t i = 0; i < q->nrcpts; i++)
		if (q->rcpts[i].exitstat < 0)
			reply_outcome(s, &q->rcpts[i], &rep, false);
	shared_verbose(s);
	q->dsn_relayed = (s->ext & EXT_DSN) != 0;
	goto out;
fail:
	if (rep.code == 0 || s->c.err != 0)
		rep.code = 0;
	fail_open(s, &rep);
out:
	sreply_free(&rep);
	buf_free(&cmd);
}
