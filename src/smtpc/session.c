/* session.c - one delivery through the SMTP client: a host already found
 * down in this process defers at once; otherwise connect, greeting and
 * EHLO, STARTTLS, AUTH, the transaction, QUIT.  Each recipient's outcome
 * (exit status, enhanced code, stat= text, the remote's reply, the
 * transcript lines for a report) is filled here; -v shows the dialogue
 * as the reference prints it. */
#include "smtpc/smtpc_int.h"
#include "conf/options.h"
#include "smtpc/hoststat.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

void smtpc_req_init(smtpc_req_t *q, smtpc_rcpt_t *r, size_t n)
{
	memset(q, 0, sizeof *q);
	buf_init(&q->relay, 1024);
	q->rcpts = r;
	q->nrcpts = n;
	for (size_t i = 0; i < n; i++) {
		memset(&r[i], 0, sizeof r[i]);
		r[i].exitstat = -1;
		buf_init(&r[i].stat, 2048);
		buf_init(&r[i].reply, SMTPC_LINE_MAX + 1);
		buf_init(&r[i].xscript, 64 * 1024);
		buf_init(&r[i].emsg, 1024);
	}
}

void smtpc_req_free(smtpc_req_t *q)
{
	for (size_t i = 0; i < q->nrcpts; i++) {
		buf_free(&q->rcpts[i].stat);
		buf_free(&q->rcpts[i].reply);
		buf_free(&q->rcpts[i].xscript);
		buf_free(&q->rcpts[i].emsg);
	}
	buf_free(&q->relay);
}

void sverbose(ssess_t *s, const char *fmt, ...)
{
	va_list ap;
	FILE *f = s->q->verbose;

	if (f == NULL)
		return;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fflush(f);
}

void set_outcome(smtpc_rcpt_t *r, int st, const char *dsn, const char *stat, const char *reply)
{
	r->exitstat = st;
	snprintf(r->dsn, sizeof r->dsn, "%s", dsn);
	buf_set(&r->stat, stat);
	buf_set(&r->reply, reply != NULL ? reply : "");
}

/* the report's transcript: where, the last command, the reply */
void sxscript(ssess_t *s, smtpc_rcpt_t *r, const sreply_t *rep)
{
	const char *t = buf_str(&rep->text);

	if (!s->xs_header) {
		buf_printf(&r->xscript, "... while talking to %s:\n>>> %s\n", s->hostname,
			   buf_str(&s->lastcmd));
		s->xs_header = true;
	}
	while (*t) {
		size_t n = strcspn(t, "\n");
		buf_printf(&r->xscript, "<<< %.*s\n", (int)n, t);
		t += n + (t[n] == '\n');
	}
}

static int rcpt_exit(const char *dsn, int code)
{
	if (strncmp(dsn, "5.1.1", 5) == 0 || (dsn[0] == '\0' && (code == 550 || code == 551)))
		return EX_NOUSER;
	if (strncmp(dsn, "5.1.2", 5) == 0)
		return EX_NOHOST;
	return EX_UNAVAILABLE;
}

void reply_outcome(ssess_t *s, smtpc_rcpt_t *r, const sreply_t *rep, bool rcpt)
{
	buf_t st = BUF_INIT(0), why = BUF_INIT(0);
	char dsn[16];
	const char *last = buf_str(&rep->last);

	if (rep->code == 0) {
		sreply_error(s, &why);
		set_outcome(r, EX_TEMPFAIL, "4.4.2", buf_str(&why), NULL);
		buf_printf(&r->emsg, "reply: read error from %s", s->hostname);
	} else if (rep->code / 100 == 2) {
		/* the enhanced code is left out when the server announced them */
		size_t skip = rep->dsn[0] && (s->ext & EXT_ENHSC) ? strlen(rep->dsn) + 1 : 0;
		buf_printf(&st, "Sent (%s)", strlen(last) > 4 + skip ? last + 4 + skip : "");
		set_outcome(r, EX_OK, "2.0.0", buf_str(&st), NULL);
	} else {
		snprintf(dsn, sizeof dsn, "%s", rep->dsn[0] ? rep->dsn : (rep->code / 100 == 4 ? "4.0.0" : "5.0.0"));
		/* a greeting that refuses: the reference's 4.5.0 / 5.5.0 */
		if (s->phase != NULL && strcmp(s->phase, "client greeting") == 0)
			snprintf(dsn, sizeof dsn, "%c.5.0", rep->code / 100 == 4 ? '4' : '5');
		sxscript(s, r, rep);
		if (rep->code / 100 == 4) {
			buf_printf(&st, "Deferred: %s", last);
			set_outcome(r, EX_TEMPFAIL, dsn, buf_str(&st), last);
		} else {
			int ex = rcpt ? rcpt_exit(rep->dsn, rep->code) : EX_UNAVAILABLE;
			set_outcome(r, ex, dsn, ex == EX_NOUSER ? "User unknown" :
				    ex == EX_NOHOST ? "Host unknown" : "Service unavailable", last);
		}
	}
	r->own = rcpt;
	if (rcpt && (r->exitstat == EX_TEMPFAIL || s->q->show_failures))
		sverbose(s, "%s... %s", r->name ? r->name : r->addr, buf_str(&r->stat));
	buf_free(&st);
	buf_free(&why);
}

/* every recipient gets the same temporary failure text */
static void defer_all(ssess_t *s, int st, const char *text)
{
	buf_t b = BUF_INIT(0);

	buf_printf(&b, "%s%s", st == EX_TEMPFAIL ? "Deferred: " : "", text);
	for (size_t i = 0; i < s->q->nrcpts; i++) {
		smtpc_rcpt_t *r = &s->q->rcpts[i];
		set_outcome(r, st, st == EX_TEMPFAIL ? "4.4.1" : st == EX_NOHOST ? "5.1.2" : "5.0.0",
			    buf_str(&b), NULL);
	}
	shared_verbose(s);
	buf_free(&b);
}

void shared_verbose(ssess_t *s)
{
	buf_t names = BUF_INIT(0);
	const smtpc_rcpt_t *first = NULL;

	for (size_t i = 0; i < s->q->nrcpts; i++) {
		const smtpc_rcpt_t *r = &s->q->rcpts[i];
		if (r->own)
			continue;
		if (first == NULL)
			first = r;
		buf_printf(&names, "%s%s", names.len ? "," : "", r->name ? r->name : r->addr);
	}
	if (first != NULL && (first->exitstat == EX_OK || first->exitstat == EX_TEMPFAIL))
		sverbose(s, "%s... %s", buf_str(&names), buf_str(&first->stat));
	buf_free(&names);
}

static void quit(ssess_t *s)
{
	sreply_t r;
	long t = smtpc_timeout(s->q->cf, OPT_Timeout_quit);

	sreply_init(&r);
	sverbose(s, "Closing connection to %s", s->hostname);
	s->phase = "QUIT";
	if (s->c.err == 0 && !s->c.eof && sconn_cmd(s, "QUIT", t, true) == 0)
		(void)sreply_read(s, &r, t);
	sreply_free(&r);
}

/* the host's status after a session (HostStatusDirectory) */
static void save_status(ssess_t *s)
{
	hoststat_t h;
	const smtpc_rcpt_t *r = &s->q->rcpts[0];

	memset(&h, 0, sizeof h);
	h.exitstat = r->exitstat < 0 ? EX_TEMPFAIL : r->exitstat;
	snprintf(h.dsn, sizeof h.dsn, "%s", r->dsn);
	for (size_t i = 0; i < s->q->nrcpts; i++)
		if (s->q->rcpts[i].exitstat == EX_OK) {
			h.exitstat = EX_OK;
			snprintf(h.dsn, sizeof h.dsn, "2.0.0");
		}
	if (h.exitstat == EX_TEMPFAIL && s->c.err != 0 && !s->lastreply[0])
		h.err = s->c.err;
	snprintf(h.reply, sizeof h.reply, "%s", s->lastreply);
	h.updated = time(NULL);
	hoststat_save(s->q->cf, s->hostname, &h);
}

/* after a transaction: the host's status, then the connection kept for
 * the next one when it is sound, else QUIT; true when kept */
static bool finish(ssess_t *s, bool sound)
{
	save_status(s);
	if (sound && s->c.err == 0 && !s->c.eof && !s->c.timedout &&
	    strncmp(s->lastreply, "421", 3) != 0) {
		conncache_put(s);
		return true;
	}
	quit(s);
	sconn_close(&s->c);
	return false;
}

/* a refusing greeting: QUIT at once, before the outcome is reported
 * (the reference's order); no second QUIT when closing */
static void greeting_quit(ssess_t *s)
{
	sreply_t r;
	long t = smtpc_timeout(s->q->cf, OPT_Timeout_quit);

	sreply_init(&r);
	if (sconn_cmd(s, "QUIT", t, true) == 0)
		(void)sreply_read(s, &r, t);
	sreply_free(&r);
	s->c.err = EPIPE;
	s->phase = "client greeting";
}

/* the TLS handshake failed: the reference's words, no QUIT after it */
static void tls_failed(ssess_t *s)
{
	for (size_t i = 0; i < s->q->nrcpts; i++)
		set_outcome(&s->q->rcpts[i], EX_TEMPFAIL, "4.7.0",
			    "Deferred: 454 4.7.0 TLS handshake failed.", NULL);
	shared_verbose(s);
	if (s->c.err == 0)
		s->c.err = EPROTO;
}

static void fresh(ssess_t *s, smtpc_req_t *q)
{
	memset(s, 0, sizeof *s);
	s->q = q;
	s->c.fd = -1;
	buf_init(&s->lastcmd, SMTPC_LINE_MAX + 1);
}

void smtpc_deliver(smtpc_req_t *q)
{
	ssess_t s;
	buf_t err = BUF_INIT(0), relay = BUF_INIT(0);
	sreply_t rep;
	int st;
	bool kept = false;

	sreply_init(&rep);
	if (hostcache_get(q->host, &st, &err, &relay)) {
		fresh(&s, q);
		buf_set(&q->relay, buf_str(&relay));
		defer_all(&s, st, buf_str(&err));
	} else if (conncache_take(q, &s) == 0) {
		stxn(&s);
		kept = finish(&s, true);
	} else {
		fresh(&s, q);
		if (sconnect(&s, &err, &st) < 0) {
			if (st == EX_TEMPFAIL)
				hostcache_put(q->host, st, buf_str(&err),
					      s.hostname[0] ? s.hostname : q->host);
			if (q->relay.len == 0)
				buf_set(&q->relay, q->host);
			defer_all(&s, st, buf_str(&err));
		} else if (shello(&s, &rep) < 0 || sstarttls(&s, &rep) < 0 || sauth(&s, &rep) < 0) {
			if (s.tls_failed)
				tls_failed(&s);
			else {
				if (s.c.err != 0)
					rep.code = 0;
				else if (strcmp(s.phase, "client greeting") == 0)
					greeting_quit(&s);
				fail_open(&s, &rep);
			}
			finish(&s, false);
		} else {
			stxn(&s);
			kept = finish(&s, true);
		}
	}
	sreply_free(&rep);
	if (!kept)
		buf_free(&s.lastcmd);
	buf_free(&err);
	buf_free(&relay);
}
