/* dsn.c - which reports a delivery run makes due and the queue entries
 * that carry them (see dsn.h): outcomes noted per recipient and in the
 * transcript, the queue timeouts, the return address (the sender, or the
 * postmaster for a message from <>, a report, or a sender that cannot be
 * reached), the new entry's envelope and header, its commit and its
 * immediate delivery. */
#include "dsn/dsn.h"
#include "conf/macro.h"
#include "conf/options.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "log/xlog.h"
#include "stats/stats.h"
#include "queue/queue.h"
#include "submit/headers.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

void sm_arpadate(time_t t, char *buf, size_t sz);

void dsn_xscript(envelope_t *e, const char *line)
{
	buf_t b = BUF_INIT(0);

	if (e->xscript != NULL)
		buf_adds(&b, e->xscript);
	buf_printf(&b, "%s\n", line);
	free(e->xscript);
	e->xscript = buf_steal(&b);
}

static bool wants(const rcpt_t *r, int letter)
{
	if (!letter_has(r->flags, RF_HAS_NOTIFY))
		return letter != RF_NOTIFY_SUCC;
	return letter_has(r->flags, letter);
}

/* what the mailer printed, line by line, into the transcript */
static void xscript_text(envelope_t *e, const char *text)
{
	buf_t l = BUF_INIT(0);

	while (text != NULL && *text) {
		size_t n = strcspn(text, "\n");
		buf_reset(&l);
		buf_add(&l, text, n);
		if (n > 0)
			dsn_xscript(e, buf_str(&l));
		text += n + (text[n] == '\n');
	}
	buf_free(&l);
}

/* a permanent failure: the reason, the diagnostic, the transcript line */
static void note_failure(envelope_t *e, rcpt_t *r, const attempt_t *a)
{
	buf_t b = BUF_INIT(0);
	const char *dsn = a->dsn ? a->dsn : "5.0.0";
	const char *stat = a->stat ? a->stat : "";

	xscript_text(e, a->text);
	if (a->reply != NULL) {
		buf_printf(&b, "%s; %s", a->relay ? "SMTP" : "X-Unix", a->reply);
		env_set_str(&r->reason, a->reply);
		env_set_str(&r->diag, buf_str(&b));
		buf_reset(&b);
		buf_printf(&b, "%.3s %s %s... %s", a->reply, dsn, r->addr, stat);
	} else {
		buf_printf(&b, "X-Unix; %d", a->exitstat);
		env_set_str(&r->reason, stat);
		env_set_str(&r->diag, buf_str(&b));
		buf_reset(&b);
		buf_printf(&b, "%s %s %s", dsn[0] == '5' ? "554" : "451", dsn, stat);
	}
	dsn_xscript(e, buf_str(&b));
	buf_free(&b);
	if (wants(r, RF_NOTIFY_FAIL))
		r->dsn_due = DSN_FAILURE;
}

/* an outcome of a delivery run ('f' failed, 'r' delivered, 'd' deferred):
 * noted for the reports dsn_after_run makes */
void dsn_queue_bounce(cf_t *cf, envelope_t *e, rcpt_t *r, const attempt_t *a, int kind)
{
	buf_t b = BUF_INIT(0);

	r->tried = time(NULL);
	xscript_text(e, a->xscript);
	if (a->relay != NULL)
		env_set_str(&r->relay, a->relay);
	if (kind == DSN_FAILURE) {
		static unsigned long seq;
		r->fail_seq = ++seq;
		note_failure(e, r, a);
	} else if (kind == DSN_RECEIPT) {
		if (wants(r, RF_NOTIFY_SUCC) &&
		    !(opt_num(&cf->opt, OPT_PrivacyOptions) & PRIV_NORECEIPTS)) {
			r->dsn_due = DSN_RECEIPT;
			buf_printf(&b, "%s... Successfully delivered", r->addr);
			dsn_xscript(e, buf_str(&b));
		}
	} else {
		buf_printf(&b, "%s... %s", r->addr, a->stat ? a->stat : "Deferred");
		dsn_xscript(e, buf_str(&b));
	}
	buf_free(&b);
}

static bool deferred(const rcpt_t *r)
{
	return r->state == RS_DEFERRED;
}

/* Timeout.queuereturn: every deferred recipient fails with 4.4.7 */
static bool apply_return(cf_t *cf, envelope_t *e, time_t now, buf_t *why)
{
	long ret = dsn_timeout_return(cf, e);
	buf_t t = BUF_INIT(0), l = BUF_INIT(0);
	bool any = false;

	if (ret <= 0 || now - e->ctime < ret)
		return false;
	for (rcpt_t *r = e->rcpts; r != NULL; r = r->next) {
		if (!deferred(r))
			continue;
		any = true;
		r->state = RS_FAILED;
		env_set_str(&r->status, "4.4.7");
		if (wants(r, RF_NOTIFY_FAIL))
			r->dsn_due = DSN_FAILURE;
	}
	if (any) {
		dsn_interval(ret, &t);
		buf_printf(&l, "Message could not be delivered for %s", buf_str(&t));
		dsn_xscript(e, buf_str(&l));
		dsn_xscript(e, "Message will be deleted from queue");
		buf_printf(why, "Cannot send message for %s", buf_str(&t));
	}
	buf_free(&t);
	buf_free(&l);
	return any;
}

/* Timeout.queuewarn: one warning (F flag w) for the deferred recipients
 * that want delay notices */
static bool apply_warn(cf_t *cf, envelope_t *e, time_t now, buf_t *why)
{
	long warn = dsn_timeout_warn(cf, e), ret = dsn_timeout_return(cf, e);
	buf_t t = BUF_INIT(0), l = BUF_INIT(0);
	bool any = false;

	if (warn <= 0 || now - e->ctime < warn || letter_has(e->eflags, EF_WARNED))
		return false;
	for (rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		if (deferred(r) && wants(r, RF_NOTIFY_DELAY)) {
			r->dsn_due = DSN_DELAY;
			any = true;
		}
	if (!any)
		return false;
	letter_set(&e->eflags, EF_WARNED, true);
	dsn_interval(warn, &t);
	buf_printf(&l, "Warning: message still undelivered after %s", buf_str(&t));
	dsn_xscript(e, buf_str(&l));
	buf_reset(&l);
	buf_adds(&l, "Will keep trying until message is ");
	dsn_interval(ret, &l);
	buf_adds(&l, " old");
	dsn_xscript(e, buf_str(&l));
	buf_printf(why, "Warning: could not send message for past %s", buf_str(&t));
	env_set_str(&e->msg, buf_str(why));
	buf_free(&t);
	buf_free(&l);
	return true;
}

/* the macros the cf's H lines use, set for a report and put back after */
static const char MACS[] = "s_rfgxiabtu";

static void macros_save(cf_t *cf, char *saved[])
{
	for (size_t i = 0; MACS[i]; i++) {
		const char *v = mac_get(&cf->mac, (unsigned char)MACS[i]);
		saved[i] = v != NULL ? xstrdup(v) : NULL;
	}
}

static void macros_restore(cf_t *cf, char *saved[])
{
	for (size_t i = 0; MACS[i]; i++) {
		mac_define(&cf->mac, (unsigned char)MACS[i], saved[i]);
		free(saved[i]);
	}
}

static void macros_report(cf_t *cf, const envelope_t *b)
{
	char date[64], stamp[32];
	struct tm tm;

	sm_arpadate(b->ctime, date, sizeof date);
	gmtime_r(&b->ctime, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d%H%M", &tm);
	mac_define(&cf->mac, 's', "localhost");
	mac_define(&cf->mac, '_', "localhost");
	mac_define(&cf->mac, 'r', "");
	mac_define(&cf->mac, 'f', b->sender);
	mac_define(&cf->mac, 'g', b->sender);
	mac_define(&cf->mac, 'x', "Mail Delivery Subsystem");
	mac_define(&cf->mac, 'i', b->qid);
	mac_define(&cf->mac, 'a', date);
	mac_define(&cf->mac, 'b', date);
	mac_define(&cf->mac, 't', stamp);
	mac_define(&cf->mac, 'u', NULL);
}

static const char *auto_submitted(const dsn_req_t *q)
{
	if (q->to_postmaster)
		return "postmaster-notification";
	if (q->kind == DSN_RECEIPT)
		return "return-receipt";
	return q->kind == DSN_DELAY ? "warning-timeout" : "failure";
}

/* the report's own fields, then the cf's defaults in front of them */
static void report_headers(cf_t *cf, envelope_t *b, const dsn_req_t *q, const char *to)
{
	char *f[6], *saved[sizeof MACS];
	size_t n = 0;
	buf_t t = BUF_INIT(0);

	buf_printf(&t, "To: %s", to);
	f[n++] = buf_steal(&t);
	if (q->mime) {
		f[n++] = xstrdup("MIME-Version: 1.0");
		buf_printf(&t, "Content-Type: multipart/report; report-type=delivery-status;\n"
			       "\tboundary=\"%s\"", q->boundary);
		f[n++] = buf_steal(&t);
	}
	buf_printf(&t, "Subject: %s", q->subject);
	f[n++] = buf_steal(&t);
	buf_printf(&t, "Auto-Submitted: auto-generated (%s)", auto_submitted(q));
	f[n++] = buf_steal(&t);
	hdr_add_user(b, f, n);
	macros_save(cf, saved);
	macros_report(cf, b);
	hdr_add_defaults(b, cf, NULL, 0);
	macros_restore(cf, saved);
	while (n > 0)
		free(f[--n]);
	buf_free(&t);
}

/* the address a report goes to, without angle brackets */
static void bare(const char *s, buf_t *out)
{
	size_t n = strlen(s);
	if (n >= 2 && s[0] == '<' && s[n - 1] == '>')
		buf_add(out, s + 1, n - 2);
	else
		buf_adds(out, s);
}

static void report_rcpt(cf_t *cf, envelope_t *b, const char *addr)
{
	letterset_t fl = 0;
	buf_t a = BUF_INIT(4096), f = BUF_INIT(4096);
	const char *j = mac_get(&cf->mac, 'j');
	rcpt_t *r;

	letter_set(&fl, RF_PRIMARY, true);
	letter_set(&fl, RF_NOTIFY_FAIL, true);
	r = env_add_rcpt(b, addr, fl);
	bare(addr, &a);
	buf_printf(&f, "RFC822; %s", buf_str(&a));
	if (strchr(buf_str(&a), '@') == NULL)
		buf_printf(&f, "@%s", j != NULL ? j : "localhost");
	env_set_str(&r->final, buf_str(&f));
	buf_free(&a);
	buf_free(&f);
}

static bool from_null(const envelope_t *e)
{
	const char *s = e->sender;
	return s == NULL || *s == '\0' || strcmp(s, "<>") == 0 ||
	       letter_has(e->eflags, EF_RESPONSE);
}

/* Can addr get a report?  Expanding it as a recipient logs a failure
 * (a to= line, no notice) under the message's own id and priority, as the
 * reference does; why gets the failure's text. */
static bool reachable(cf_t *cf, envelope_t *e, const char *addr, buf_t *why)
{
	envelope_t t;
	deliver_opts_t o;
	letterset_t fl = 0;
	int left;

	env_init(&t);
	memcpy(t.qid, e->qid, sizeof t.qid);
	t.ctime = e->ctime;
	t.prio = e->prio;
	env_set_str(&t.qdir, e->qdir);
	letter_set(&fl, RF_PRIMARY, true);
	env_add_rcpt(&t, addr, fl);
	memset(&o, 0, sizeof o);
	o.out = stdout;
	o.probe = true;
	left = deliver_expand(cf, &t, &o);
	if (left == 0 && t.xscript != NULL) {
		/* the postmaster sees why the sender could not be reached */
		buf_t x = BUF_INIT(0);
		if (e->xscript != NULL)
			buf_adds(&x, e->xscript);
		buf_adds(&x, t.xscript);
		free(e->xscript);
		e->xscript = buf_steal(&x);
		for (const rcpt_t *r = t.rcpts; r != NULL && why != NULL; r = r->next)
			if (r->statmsg != NULL) {
				buf_set(why, r->statmsg);
				break;
			}
	}
	env_free(&t);
	log_set_qid(e->qid);
	return left > 0;
}

static const char *postmaster_of(cf_t *cf)
{
	const char *pm = opt_str(&cf->opt, OPT_DoubleBounceAddress);
	return pm != NULL ? pm : "postmaster";
}

/* Where a failure report goes: the sender when it can be reached, else
 * the postmaster, who is probed as the reference does (once after an
 * unreachable sender, twice for a report about a report; why gets the
 * last failure's text).  Returns
 * whether the report goes to the postmaster; *pm_fails whether the
 * postmaster could not be reached either (already logged). */
static bool route_report(cf_t *cf, envelope_t *e, const dsn_req_t *q, buf_t *why,
			 bool *pm_fails)
{
	bool null = from_null(e), to_pm;
	buf_t x = BUF_INIT(4096);
	int probes;

	*pm_fails = false;
	to_pm = null || !reachable(cf, e, e->sender, why);
	if (!to_pm || e->dsn_depth >= 2 || q->kind != DSN_FAILURE)
		return to_pm;
	probes = null ? 2 : 1;
	bare(postmaster_of(cf), &x);
	if (x.len == 0)
		probes = 0;
	while (probes-- > 0)
		*pm_fails = !reachable(cf, e, buf_str(&x), why);
	buf_free(&x);
	return true;
}

static const char *log_tag(const envelope_t *e, const dsn_req_t *q)
{
	const char *proto = env_get_macro(e, "r");

	if (q->to_postmaster && letter_has(e->eflags, EF_RESPONSE))
		return "return to sender";
	if (q->to_postmaster)
		return "postmaster notify";
	if (q->kind == DSN_RECEIPT || (q->kind == DSN_FAILURE && !q->expired))
		return "DSN";
	return proto != NULL && *proto ? "DSN" : "sender notify";
}

/* the df of the report, fsynced */
static int write_df(const envelope_t *b, const buf_t *body)
{
	int fd = df_create(b->qdir, b->qid);
	size_t off = 0;

	if (fd < 0)
		return -1;
	while (off < body->len) {
		ssize_t w = write(fd, body->p + off, body->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	if (fsync(fd) != 0) {
		close(fd);
		return -1;
	}
	return close(fd);
}

static void report_envelope(cf_t *cf, const envelope_t *e, envelope_t *b, const dsn_req_t *q)
{
	buf_t to = BUF_INIT(4096);

	b->ctime = q->now;
	memcpy(b->qid, q->qid, sizeof b->qid);
	env_set_str(&b->qdir, e->qdir);
	env_set_str(&b->sender, "MAILER-DAEMON");
	letter_set(&b->eflags, EF_RESPONSE, true);
	letter_set(&b->eflags, EF_SPLIT, true);
	b->dsn_depth = e->dsn_depth + 1;
	env_set_macro(b, "_", "localhost");
	env_set_macro(b, "r", "");
	env_set_macro(b, "s", "localhost");
	env_set_macro(b, "{daemon_flags}", "c u");
	/* To: the sender as given ("<bob@example.com>" keeps its brackets) */
	if (q->to_postmaster)
		bare(postmaster_of(cf), &to);
	else
		buf_adds(&to, e->sender);
	report_rcpt(cf, b, q->to_postmaster ? buf_str(&to) : e->sender);
	report_headers(cf, b, q, buf_str(&to));
	buf_free(&to);
}

static const char *subject_of(const dsn_req_t *q, const char *why)
{
	if (q->kind == DSN_RECEIPT)
		return "Return receipt";
	if (q->kind == DSN_DELAY)
		return why;
	return q->to_postmaster ? "Postmaster notify: see transcript for details"
				: "Returned mail: see transcript for details";
}

/* The size a report's priority starts from.  Measured on the reference
 * (black box): not the report's text but the original message's size plus
 * 1024, whatever the report says (a warning and the later failure for one
 * message get the same priority); the original counted as received at
 * submission, in a queue run as the df plus queue_report_base's count of
 * its qf header lines (the same count in a background delivery of a
 * message received over SMTP: deliver_opts_t.counted_size); a report that returns only headers (RET=HDRS)
 * counts as empty; a report about a report counts from the first one's
 * counted size.  A report to the postmaster gets no RecipientFactor. */
#define REPORT_SIZE_EXTRA 1024
static long report_counted_size(const envelope_t *e, const deliver_opts_t *o,
				const dsn_req_t *q)
{
	if (q->headers_only)
		return 0;
	if (e->report_base > 0)        /* a report about a report */
		return e->report_base + REPORT_SIZE_EXTRA;
	if (o->counted_size > 0)
		return o->counted_size + REPORT_SIZE_EXTRA;
	return (o->queue_run ? queue_report_base(e) : e->msgsize) + REPORT_SIZE_EXTRA;
}

/* one report: a new queue entry, committed, logged, delivered now */
static int report_send(cf_t *cf, envelope_t *e, const deliver_opts_t *o, dsn_req_t *q,
		       const char *why)
{
	envelope_t b;
	deliver_opts_t now_opts;
	buf_t body = BUF_INIT(0), bnd = BUF_INIT(1024), reason = BUF_INIT(4096);
	char qid[32];
	int lockfd = -1, rc = -1;
	const char *j = mac_get(&cf->mac, 'j');

	bool pm_fails;

	buf_set(&reason, why);
	q->to_postmaster = route_report(cf, e, q, &reason, &pm_fails);
	why = buf_str(&reason);
	if (e->dsn_depth >= 2 || (q->to_postmaster && q->kind != DSN_FAILURE)) {
		/* a failure of a report about a report reaches no one */
		if (e->dsn_depth >= 2 && q->kind == DSN_FAILURE)
			e->unreported = true;
		buf_free(&reason);
		return 0;
	}
	qid_new(qid, q->now);
	buf_printf(&bnd, "%s.%ld/%s", qid, (long)q->now, j != NULL ? j : "localhost");
	q->qid = qid;
	q->boundary = buf_str(&bnd);
	q->subject = subject_of(q, why);
	q->queue_run = o->queue_run;
	env_init(&b);
	report_envelope(cf, e, &b, q);
	if (dsn_body(cf, e, q, &body) != 0 || write_df(&b, &body) != 0) {
		sm_log_id(LL_SERIOUS, LOG_ERR, e->qid, "SYSERR: cannot queue a report: %s",
			  strerror(errno));
		goto out;
	}
	/* -X: the reference logs the report's text as it writes it */
	xlog_out(body.p ? body.p : "", body.len);
	xlog_flush_out();
	b.msgsize = (long)body.len;
	b.nrcpts = 1;
	b.report_base = report_counted_size(e, o, q);
	b.prio = b.report_base + (q->to_postmaster ? 0 : opt_num(&cf->opt, OPT_RecipientFactor));
	if (qf_write(&b, true, &lockfd) != 0) {
		sm_log_id(LL_SERIOUS, LOG_ERR, e->qid, "SYSERR: cannot write qf%s: %s", qid,
			  strerror(errno));
		goto out;
	}
	sm_log_id(LL_ERRMSG, LOG_INFO, e->qid, "%s: %s: %s", qid, log_tag(e, q), why);
	stats_note_from(cf, b.sender, b.msgsize);
	now_opts = *o;
	now_opts.queue_run = false;
	now_opts.failstat = NULL;   /* a report's fate is not the submitter's exit */
	now_opts.errmode = 0;        /* the report's own failures go by mail */
	/* a postmaster notify whose one probe failed was logged already
	 * (a report about a report is tried and logged again) */
	now_opts.prefailed = pm_fails && q->to_postmaster && !from_null(e);
	deliver_message(cf, &b, lockfd, &now_opts);
	log_set_qid(e->qid);
	rc = b.unreported ? -1 : 1;
out:
	env_free(&b);
	buf_free(&body);
	buf_free(&bnd);
	buf_free(&reason);
	return rc;
}

static const rcpt_t *first_due(const envelope_t *e, int kind)
{
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		if (r->dsn_due == kind)
			return r;
	return NULL;
}

/* the failure noted last: its text is the report's reason (the
 * reference's, black box: a message with an unknown user found while
 * expanding and a program failing afterwards is reported as the
 * program's failure) */
static const rcpt_t *last_failure(const envelope_t *e)
{
	const rcpt_t *last = NULL;

	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		if (r->dsn_due == DSN_FAILURE && (last == NULL || r->fail_seq > last->fail_seq))
			last = r;
	return last;
}

static void req_init(cf_t *cf, const envelope_t *e, dsn_req_t *q, int kind, time_t now)
{
	memset(q, 0, sizeof *q);
	q->kind = kind;
	q->now = now;
	q->mime = opt_bool(&cf->opt, OPT_SendMimeErrors);
	q->headers_only = kind == DSN_RECEIPT || letter_has(e->eflags, EF_NO_BODY);
	q->warn_secs = dsn_timeout_warn(cf, e);
	q->return_secs = dsn_timeout_return(cf, e);
}

/* a report that failed and could not be reported in turn leaves its
 * original undeliverable anywhere: kept as a Qf ("savemail panic") */
static int report_sent(envelope_t *e, int rc)
{
	if (rc < 0)
		e->panic = true;
	return rc != 0;
}

int dsn_after_run(cf_t *cf, envelope_t *e, const deliver_opts_t *o)
{
	buf_t why_ret = BUF_INIT(1024), why_warn = BUF_INIT(1024);
	time_t now = time(NULL);
	bool expired = apply_return(cf, e, now, &why_ret);
	dsn_req_t q;
	const rcpt_t *r;
	int n = 0;

	if (!expired)
		apply_warn(cf, e, now, &why_warn);
	e->keep_empty = expired && first_due(e, DSN_FAILURE) == NULL;
	if ((r = last_failure(e)) != NULL && o->errmode == 'q')
		dsn_quiet(cf, e, o);
	else if (r != NULL && (o->errmode != 'p' || dsn_dead_letter(cf, e, o) != 0)) {
		req_init(cf, e, &q, DSN_FAILURE, now);
		q.expired = expired;
		n += report_sent(e, report_send(cf, e, o, &q, expired ? buf_str(&why_ret)
					       : r->statmsg ? r->statmsg : ""));
	}
	if (first_due(e, DSN_DELAY) != NULL) {
		req_init(cf, e, &q, DSN_DELAY, now);
		n += report_sent(e, report_send(cf, e, o, &q, buf_str(&why_warn)));
	}
	if (first_due(e, DSN_RECEIPT) != NULL) {
		req_init(cf, e, &q, DSN_RECEIPT, now);
		n += report_sent(e, report_send(cf, e, o, &q, "Return receipt"));
	}
	for (rcpt_t *x = e->rcpts; x != NULL; x = x->next)
		x->dsn_due = 0;
	env_set_str(&e->xscript, NULL);
	buf_free(&why_ret);
	buf_free(&why_warn);
	return n;
}
