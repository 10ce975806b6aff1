/* data.c - DATA: the message collected in SMTP mode (src/submit's
 * collect_smtp) into the df, then committed through submit_commit with
 * the transaction's sender, recipients and ESMTP parameters, and
 * delivered as DeliveryMode says (unless the cf's check_data, check_eoh
 * or check_eom refuse it: msgchecks.c).  A connection lost in the middle,
 * or a message over MaxMessageSize, leaves nothing in the queue. */
#include "smtpd/smtpd_int.h"
#include "submit/owner_split.h"
#include "deliver/deliver.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "queue/queue.h"
#include "submit/collect.h"
#include "submit/headers.h"
#include "submit/rcpts.h"
#include "submit/submit.h"
#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

static void remove_df(session_t *s)
{
	buf_t p = BUF_INIT(4096);
	qf_path(&p, s->o->qdir, 'd', s->qid);
	unlink(buf_str(&p));
	buf_free(&p);
}

/* the input ended inside the message */
static void lost_in_data(session_t *s, const collect_t *c)
{
	const char *host = s->client_name.len ? buf_str(&s->client_name) : buf_str(&s->relay);
	buf_t t = BUF_INIT(8192);

	if (c->rerr != 0) {     /* e.g. reset by the client: a SYSERR */
		const char *why = c->rerr == ECONNRESET ? "Connection reset by" : strerror(c->rerr);
		session_log(s, LL_PROTO, LOG_WARNING, "collect: premature EOM: %s %s", why,
			    s->client_name.len ? buf_str(&s->client_name) : "localhost");
		buf_printf(&t, "collect: relay=%s, from=%s, info=I/O error", host, s->sender);
		session_log(s, LL_SERIOUS, LOG_CRIT, "SYSERR(%s): %s", log_real_user(), buf_str(&t));
	} else {
		buf_printf(&t, "collect: relay=%s, from=%s, info=unexpected close", host, s->sender);
		session_log(s, LL_PROTO, LOG_WARNING, "collect: premature EOM: unexpected close");
		session_log(s, LL_PROTO, LOG_NOTICE, "%s", buf_str(&t));
	}
	smtp_reply(s, true, 421, "4.4.1", "%s", buf_str(&t));
	s->size = c->size;
	s->quit = true;
}

/* a bare CR or LF in the message (CVE-2023-51765): nothing is queued,
 * the session ends as the reference's does */
static const char *bare_what(char kind)
{
	return kind == 'L' ? "Bare linefeed (LF) not allowed"
			   : "Bare carriage return (CR) not allowed";
}

static void log_bare(session_t *s, const char *sender, char kind, bool hdr, const char *status)
{
	const char *at = strchr(buf_str(&s->relay), '@');   /* -bs: user@localhost */
	const char *host = s->client_name.len ? buf_str(&s->client_name)
			   : at != NULL ? at + 1 : buf_str(&s->relay);

	session_log(s, LL_PROTO, LOG_NOTICE, "collect: relay=%s, from=%s, info=%s, where=%s%s",
		    host, sender, bare_what(kind), hdr ? "header" : "body", status);
}

static void bare_in_data(session_t *s, const collect_t *c)
{
	const char *what = bare_what(c->bare);

	log_bare(s, s->sender, c->bare, c->bare_in_hdr, ", status=tempfail");
	smtp_reply(s, true, 421, "4.5.0", "%s", what);
	s->size = c->size;
	transaction_end(s, true);
	s->quit = true;
}

static int collect_df(session_t *s, collect_t *c)
{
	int fd = df_create(s->o->qdir, s->qid);
	FILE *df;
	int rc;

	if (fd < 0 || (df = fdopen(fd, "w")) == NULL) {
		if (fd >= 0)
			close(fd);
		memset(c, 0, sizeof *c);
		return -1;
	}
	rc = collect_smtp(s->in, df, (size_t)opt_num(&s->cf->opt, OPT_MaxHeadersLength),
			  opt_num(&s->cf->opt, OPT_MaxMessageSize),
			  (policy_feature(s, 'G') ? COLLECT_BARE_LF : 0) |
			  (policy_feature(s, 'U') ? COLLECT_BARE_CR : 0), c);
	/* the fsync deferred to the qf's commit (qsync.c), after fflush */
	qsync_drop();
	if (rc == 0 && (fflush(df) != 0 || qsync_defer(fd) != 0))
		rc = -1;
	if (fclose(df) != 0)
		rc = -1;
	return rc;
}

static void fill_request(session_t *s, submit_req_t *r, char **warn)
{
	int mode = (int)opt_num(&s->cf->opt, OPT_DeliveryMode);

	memset(r, 0, sizeof *r);
	r->smtp = true;
	r->sender = s->sender;
	r->bodytype = s->bodytype;
	r->ret = s->ret;
	r->envid = s->envid;
	r->qdir = s->o->qdir;
	r->realuser = s->o->realuser;
	r->trusted = true;
	r->hops = -1;
	/* over SMTP the reference expands before queueing only when it
	 * delivers at once (interactive); refusals were answered at RCPT */
	r->expand_now = mode == 'i' && !s->o->noalias;
	r->quiet_refusals = true;
	if (s->helo == NULL && (s->priv & SP_AUTHWARNINGS)) {
		buf_t b = BUF_INIT(4096);
		buf_printf(&b, "%s: %s didn't use HELO protocol", mac_get(&s->cf->mac, 'j'),
			   buf_str(&s->relay));
		*warn = buf_steal(&b);
		r->warnings = warn;
		r->nwarnings = 1;
	}
}

static void commit(session_t *s, collect_t *c, const msgchecks_t *m)
{
	submit_req_t r;
	envelope_t e = s->e;
	char *warn = NULL;
	int fd = -1, st;
	clones_t cl;

	/* the tails point into s->e: make them point into e */
	if (e.rcpts == NULL)
		e.rcpts_tail = &e.rcpts;
	if (e.hdrs == NULL)
		e.hdrs_tail = &e.hdrs;
	env_init(&s->e);
	memset(&cl, 0, sizeof cl);
	fill_request(s, &r, &warn);
	if (r.expand_now)
		r.clones = &cl;
	memcpy(e.qid, s->qid, sizeof e.qid);
	e.ctime = time(NULL);
	env_set_str(&e.qdir, s->o->qdir);
	rcpt_sort(&e);
	r.refuse = m->err != NULL;
	if (m->discard)
		s->discard = true;
	st = submit_commit(s->cf, &r, &e, c, &fd);
	free(warn);
	if (st == EX_OK)
		msgchecks_log_eom(s, m);
	if (st != EX_OK) {
		smtp_reply(s, true, 451, "4.3.0", "Error while queueing the message");
	} else if (m->err != NULL) {
		s->stat_rejected = true;
		msgchecks_refuse(s, &e, m);
	} else if (s->discard) {
		s->stat_discarded = true;
		if (fd >= 0)
			close(fd);
		queue_remove(s->o->qdir, s->qid);
		session_log(s, LL_STATS, LOG_INFO, "discarded");
		smtp_reply(s, true, 250, "2.0.0", "%s Message accepted for delivery", s->qid);
	} else {
		smtp_reply(s, true, 250, "2.0.0", "%s Message accepted for delivery", s->qid);
		smtpd_deliver(s, &e, fd, &cl);
	}
	clones_free(&cl);
	env_free(&e);
	s->sender_set = false;      /* submit_commit logged from= */
	transaction_end(s, false);
	session_new_qid(s);
}

/* the Message-Id the message has, or the one the cf's H lines would
 * have given it */
static char *message_id(session_t *s, const collect_t *c)
{
	envelope_t e;
	const hdr_t *mid;
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	char *id = NULL;

	env_init(&e);
	hdr_add_user(&e, c->hdrs, c->nhdrs);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d%H%M", &tm);
	mac_define(&s->cf->mac, 'i', s->qid);
	mac_define(&s->cf->mac, 't', stamp);
	hdr_add_defaults(&e, s->cf, NULL, 0);
	if ((mid = env_find_hdr(&e, "Message-Id")) != NULL)
		id = xstrdup(mid->value + strspn(mid->value, " \t"));
	env_free(&e);
	return id;
}

/* over MaxMessageSize: refused, and logged as the reference does: from=
 * (with the message id), the size, a to= line for each recipient */
static void too_big(session_t *s, const collect_t *c, long max)
{
	buf_t why = BUF_INIT(256);

	buf_printf(&why, "Message exceeds maximum fixed size (%ld)", max);
	smtp_reply(s, true, 552, "5.2.3", "%s", buf_str(&why));
	s->size = c->size;
	s->msgid = message_id(s, c);
	transaction_log(s);
	session_log(s, LL_MINOR, LOG_NOTICE, "message size (%ld) exceeds maximum (%ld)", c->size,
		    max);
	for (const rcpt_t *r = s->e.rcpts; r != NULL; r = r->next)
		session_log(s, LL_DFAIL, LOG_INFO, "to=%s, delay=00:00:00, pri=%ld, stat=%s", r->addr,
			    c->size + opt_num(&s->cf->opt, OPT_RecipientFactor) * s->nrcpts,
			    buf_str(&why));
	buf_free(&why);
	transaction_end(s, true);
}

static void collected(session_t *s, collect_t *c, int rc)
{
	long max = opt_num(&s->cf->opt, OPT_MaxMessageSize);

	if (c->eof) {
		remove_df(s);
		lost_in_data(s, c);
	} else if (c->bare) {
		remove_df(s);
		bare_in_data(s, c);
	} else if (rc != 0) {
		remove_df(s);
		smtp_reply(s, true, 451, "4.3.0", "collect: Cannot write %s/df%s: %s", s->o->qdir,
			   s->qid, strerror(c->werr ? c->werr : EIO));
		s->size = c->size;
		transaction_end(s, true);
	} else if (c->too_big) {
		remove_df(s);
		too_big(s, c, max);
	} else {
		/* srv_features G/U let bare LF/CR through: the reference still
		 * notes them, after the message's from= line */
		char *sender = xstrdup(s->sender);
		const char *h = c->bare_hdr > 0 && c->bare_hdr <= c->nhdrs ? c->hdrs[c->bare_hdr - 1] : NULL;
		char *field = h != NULL ? xstrdup(strchr(h, ':') ? strchr(h, ':') + 1 : h) : NULL;
		unsigned met = c->bare_met;
		bool hdr = c->bare_in_hdr;

		char qid[sizeof s->qid], next[sizeof s->qid];
		msgchecks_t m;

		memcpy(qid, s->qid, sizeof qid);
		msgchecks_run(s, c, &m);
		commit(s, c, &m);
		msgchecks_free(&m);
		memcpy(next, s->qid, sizeof next);
		memcpy(s->qid, qid, sizeof qid);        /* logged under the message's id */
		if (met & COLLECT_BARE_LF)
			log_bare(s, sender, 'L', hdr, "");
		if (met & COLLECT_BARE_CR)
			log_bare(s, sender, 'C', hdr, "");
		for (int i = 0; field != NULL && i < 2; i++)   /* the reference says it twice */
			session_log(s, LL_PROTO, LOG_NOTICE,
				    "POSSIBLE ATTACK from %s: newline in string \"%s\"",
				    s->client_addr.len ? buf_str(&s->relay) : "[UNKNOWN]", field);
		free(field);
		memcpy(s->qid, next, sizeof next);
		free(sender);
	}
}

void cmd_data(session_t *s)
{
	collect_t c;
	int rc;

	if (!s->gotmail) {
		smtp_reply(s, true, 503, "5.0.0", "Need MAIL command");
		return;
	}
	if (s->nrcpts == 0) {
		smtp_reply(s, true, 503, "5.0.0", "Need RCPT (recipient)");
		return;
	}
	if (smtp_traffic_before_reply(s, "DATA")) {
		transaction_end(s, true);
		s->quit = true;         /* the reference drops the connection */
		return;
	}
	if (data_refused(s))
		return;                 /* the transaction stays */
	smtp_reply(s, true, 354, NULL, "End data with <CR><LF>.<CR><LF>");
	smtp_read_timeout(s, true);
	rc = collect_df(s, &c);
	smtp_read_timeout(s, false);
	if (c.hdr_overflow)
		session_log(s, LL_MINOR, LOG_NOTICE,
			    "headers too large (%ld max) from %s during message collect",
			    opt_num(&s->cf->opt, OPT_MaxHeadersLength),
			    s->client_name.len ? buf_str(&s->client_name) : "localhost");
	collected(s, &c, rc);
	collect_free(&c);
}
