/* rcpt.c - RCPT TO: recipient limits (MaxRecipientsPerMessage, the
 * BadRcptThrottle slow-down), NOTIFY and ORCPT, the address parsed,
 * check_rcpt, local users looked up, duplicates answered with the first
 * recipient's text; accepted ones join the transaction's envelope. */
#include "smtpd/smtpd_int.h"
#include "addr/parseaddr.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "submit/rcpts.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

typedef struct rparams {
	letterset_t flags;
	char *orcpt;
} rparams_t;

static bool bad_param(session_t *s, int code, const char *fmt, const char *arg)
{
	buf_t t = BUF_INIT(8192);
	buf_printf(&t, fmt, arg);
	smtp_reply(s, true, code, "5.5.4", "%s", buf_str(&t));
	session_log(s, LL_MINOR, LOG_NOTICE, "%s", buf_str(&t));
	buf_free(&t);
	s->nbadrcpt++;
	return false;
}

/* ORCPT=type;xtext */
static bool orcpt_ok(const char *v)
{
	const char *semi = strchr(v, ';');
	return semi != NULL && semi > v && semi[1] != '\0' && xtext_valid(semi + 1);
}

static bool one_param(session_t *s, const char *k, const char *v, bool has, rparams_t *p)
{
	if (strcasecmp(k, "NOTIFY") == 0 && has) {
		letterset_t f;
		if (!rcpt_notify_flags(v, &f))
			return bad_param(s, 501, "Bad argument \"%s\"  to NOTIFY", v);
		p->flags = f;
		return true;
	}
	if (strcasecmp(k, "ORCPT") == 0 && has) {
		if (p->orcpt != NULL || !orcpt_ok(v))
			return bad_param(s, 501, "Syntax error in ORCPT parameter value%s", "");
		p->orcpt = xstrdup(v);
		return true;
	}
	return bad_param(s, 555, "%s parameter unrecognized", k);
}

static bool rcpt_params(session_t *s, const char *params, rparams_t *p)
{
	buf_t k = BUF_INIT(1024), v = BUF_INIT(4096);
	bool has, ok = true;

	rcpt_notify_flags(NULL, &p->flags);
	while (ok && param_next(&params, &k, &v, &has))
		ok = one_param(s, buf_str(&k), buf_str(&v), has, p);
	buf_free(&k);
	buf_free(&v);
	return ok;
}

/* an earlier recipient the address resolves to the same as */
static rcpt_t *duplicate(session_t *s, const addr_t *a)
{
	return rcptset_find(&s->rset, a->mailer_name, a->host, a->user);
}

/* a local user, or the same without its +detail */
static bool local_known(addr_t *a)
{
	char *plus;
	bool known = rcpt_local_known(a);

	if (!known && a->user != NULL && (plus = strchr(a->user, '+')) != NULL) {
		*plus = '\0';
		known = rcpt_local_known(a);
		*plus = '+';
	}
	return known;
}

static void add_rcpt(session_t *s, const char *path, const addr_t *a, rparams_t *p)
{
	buf_t fin = BUF_INIT(4096);
	rcpt_t *r = env_add_rcpt(&s->e, path, p->flags);

	letter_set(&r->flags, RF_PRIMARY, true);
	r->orcpt = p->orcpt;
	p->orcpt = NULL;
	rcpt_final(s->cf, path, &fin);
	r->final = buf_steal(&fin);
	r->mailer = xstrdup(a->mailer_name);
	r->mailer_index = a->mailer ? a->mailer->index : -1;
	r->host = xstrdup(a->host ? a->host : "");
	r->user = xstrdup(a->user ? a->user : "");
	rcptset_add(&s->rset, r);
	s->nrcpts++;
	smtp_reply(s, true, 250, "2.1.5", "%s... Recipient ok", path);
}

static void reject(session_t *s, const verdict_t *v, bool logit)
{
	verdict_reply(s, v);
	if (logit)
		session_log(s, LL_MINOR, LOG_NOTICE, "%s", buf_str(&v->text));
	if (v->exitstat)
		s->exitstat = v->exitstat;
	s->nbadrcpt++;
}

static void rcpt_address(session_t *s, const char *path, rparams_t *p)
{
	verdict_t v;
	addr_t a;
	rcpt_t *dup;

	memset(&a, 0, sizeof a);
	verdict_init(&v);
	if (strcmp(path, "<>") != 0)
		policy_parse(s, path, RF_RECIPADDR, &a, &v);
	if (v.code != 0)
		reject(s, &v, true);
	else if (policy_check(s, "check_rcpt", path, NULL, &v), v.code != 0)
		reject(s, &v, false);
	else if (a.mailer == NULL)
		smtp_reply(s, true, 553, "5.1.3", "%s... Invalid address", path);
	else if ((dup = duplicate(s, &a)) != NULL) {
		s->e.dup_rcpts++;
		smtp_reply(s, true, 250, "2.1.5", "%s... Recipient ok", dup->addr);
	}
	else if (strcmp(a.mailer->name, "local") == 0 && !local_known(&a)) {
		bool counted = s->stat_rejected;
		buf_printf(&v.text, "%s... User unknown", path);
		v.code = 550;
		snprintf(v.dsn, sizeof v.dsn, "5.1.1");
		reject(s, &v, true);
		s->stat_rejected = counted;  /* not a rejection for the statistics */
	} else if (rcpt_expand_refused(s, path, &a, &v)) {
		bool counted = s->stat_rejected;
		reject(s, &v, true);
		s->stat_rejected = counted;
	} else
		add_rcpt(s, path, &a, p);
	addr_free(&a);
	verdict_free(&v);
}

/* after BadRcptThrottle rejected recipients each RCPT waits a second */
static void throttle(session_t *s)
{
	long lim = opt_num(&s->cf->opt, OPT_BadRcptThrottle);

	if (lim <= 0 || s->nbadrcpt < lim)
		return;
	if (s->nbadrcpt == lim)
		session_log(s, LL_STATS, LOG_INFO, "%s: Possible SMTP RCPT flood, throttling.",
			    buf_str(&s->relay));
	s->nbadrcpt++;
	sleep(1);
}

void cmd_rcpt(session_t *s)
{
	buf_t path = BUF_INIT(SMTPD_MAXLINE), text = BUF_INIT(SMTPD_MAXLINE);
	const char *params = "";
	long max = opt_num(&s->cf->opt, OPT_MaxRecipientsPerMessage);
	rparams_t p = { 0, NULL };

	if (!s->gotmail) {
		smtp_reply(s, true, 503, "5.0.0", "Need MAIL before RCPT");
	} else if (!path_split(s, "TO", &path, &params, &text)) {
		buf_t t = BUF_INIT(SMTPD_MAXLINE + 64);
		buf_printf(&t, "Syntax error in parameters scanning \"%s\"", buf_str(&text));
		smtp_reply(s, true, 501, "5.5.2", "%s", buf_str(&t));
		session_log(s, LL_MINOR, LOG_NOTICE, "%s", buf_str(&t));
		buf_free(&t);
	} else {
		throttle(s);
		/* one too many counts as a rejected recipient, as the
		 * reference counts it */
		if (max > 0 && s->nrcpts >= max) {
			smtp_reply(s, true, 452, "4.5.3", "Too many recipients");
			session_log(s, LL_MINOR, LOG_NOTICE, "Too many recipients");
			s->nbadrcpt++;
		} else if (rcpt_params(s, params, &p))
			rcpt_address(s, buf_str(&path), &p);
	}
	free(p.orcpt);
	buf_free(&path);
	buf_free(&text);
}
