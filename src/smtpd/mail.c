/* mail.c - MAIL FROM: the sender is parsed, its ESMTP parameters (SIZE,
 * BODY, RET, ENVID, AUTH, BY) checked, then check_mail decides.  A
 * sender that was parsed is logged (from=) when the transaction ends,
 * even if the command was refused afterwards, as the reference does. */
#include "smtpd/smtpd_int.h"
#include "addr/parseaddr.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "submit/submit.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* SIZE=: a number (text that is none counts as 0); -1 on a negative */
static int param_size(session_t *s, const char *v)
{
	long max = opt_num(&s->cf->opt, OPT_MaxMessageSize);
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (end == v)
		n = 0;
	if (n < 0 || errno == ERANGE) {
		s->size = LONG_MAX;
		smtp_reply(s, true, 552, "5.2.3", "Message size invalid");
		return -1;
	}
	s->size = n;
	if (max > 0 && n > max) {
		smtp_reply(s, true, 552, "5.2.3",
			   "Message size exceeds fixed maximum message size (%ld)", max);
		return -1;
	}
	return 0;
}

static int param_body(session_t *s, const char *v)
{
	if (strcasecmp(v, "7BIT") != 0 && strcasecmp(v, "8BITMIME") != 0) {
		smtp_reply(s, true, 501, "5.5.4", "Unknown BODY type %s", v);
		return -1;
	}
	free(s->bodytype);
	s->bodytype = xstrdup(v);
	for (char *p = s->bodytype; *p; p++)
		*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	return 0;
}

static int param_ret(session_t *s, const char *v)
{
	if (s->ret != NULL) {
		smtp_reply(s, true, 501, "5.5.0", "Duplicate RET parameter");
		return -1;
	}
	if (strcasecmp(v, "FULL") != 0 && strcasecmp(v, "HDRS") != 0) {
		smtp_reply(s, true, 501, "5.5.4", "Bad argument \"%s\" to RET", v);
		return -1;
	}
	s->ret = xstrdup(v);
	return 0;
}

static int param_envid(session_t *s, const char *v)
{
	if (s->envid != NULL) {
		smtp_reply(s, true, 501, "5.5.0", "Duplicate ENVID parameter");
		return -1;
	}
	if (!xtext_valid(v) || strlen(v) > 100) {
		smtp_reply(s, true, 501, "5.5.4", "Syntax error in ENVID parameter value");
		return -1;
	}
	s->envid = xstrdup(v);
	return 0;
}

static int one_param(session_t *s, const char *k, const char *v, bool has)
{
	if (strcasecmp(k, "SIZE") == 0)
		return param_size(s, has ? v : "");
	if (strcasecmp(k, "BODY") == 0 && has)
		return param_body(s, v);
	if (strcasecmp(k, "RET") == 0 && has)
		return param_ret(s, v);
	if (strcasecmp(k, "ENVID") == 0 && has)
		return param_envid(s, v);
	if (strcasecmp(k, "AUTH") == 0 && has) {
		free(s->auth);
		s->auth = xstrdup(v);
		return 0;
	}
	if (strcasecmp(k, "BY") == 0 && has)
		return 0;
	smtp_reply(s, true, 555, "5.5.4", "%s parameter unrecognized", k);
	return -1;
}

static int mail_params(session_t *s, const char *params)
{
	buf_t k = BUF_INIT(1024), v = BUF_INIT(4096);
	bool has;
	int rc = 0;

	while (rc == 0 && param_next(&params, &k, &v, &has))
		rc = one_param(s, buf_str(&k), buf_str(&v), has);
	buf_free(&k);
	buf_free(&v);
	return rc;
}

/* the sender address itself: "<>" is the null sender */
static bool mail_sender(session_t *s, const char *path)
{
	buf_t bare = BUF_INIT(SMTPD_MAXLINE);
	verdict_t v;
	addr_t a;
	bool ok = true;

	memset(&a, 0, sizeof a);
	verdict_init(&v);
	strip_angles(path, &bare);
	if (bare.len > 0 || strcmp(path, "<>") != 0) {
		policy_parse(s, path, RF_SENDERADDR, &a, &v);
		s->stat_mailer = a.mailer != NULL ? a.mailer->index : -1;
		if (v.code != 0) {
			verdict_reply(s, &v);
			ok = false;
		}
	}
	if (ok) {
		s->sender = xstrdup(path);
		s->sender_addr = xstrdup(buf_str(&bare));
		s->sender_set = true;
		mac_define(&s->cf->mac, 'f', s->sender_addr);
	}
	addr_free(&a);
	verdict_free(&v);
	buf_free(&bare);
	return ok;
}

static void no_helo(session_t *s)
{
	mac_define(&s->cf->mac, 'r', "SMTP");
	if (s->priv & SP_AUTHWARNINGS)
		session_log(s, LL_STATS, LOG_INFO,
			    "Authentication-Warning: %s: %s didn't use HELO protocol",
			    mac_get(&s->cf->mac, 'j'), buf_str(&s->relay));
}

static void mail_checked(session_t *s, const char *path)
{
	verdict_t v;

	verdict_init(&v);
	policy_check(s, "check_mail", path, NULL, &v);
	if (v.code != 0) {
		verdict_reply(s, &v);
		if (v.exitstat)
			s->exitstat = v.exitstat;
	} else {
		s->discard = v.discard || s->conn_discard;
		s->gotmail = true;
		smtp_reply(s, true, 250, "2.1.0", "%s... Sender ok", path);
	}
	verdict_free(&v);
}

/* MinFreeBlocks, with the SIZE= announced (submit/space.c) */
static bool space_ok(session_t *s)
{
	const char *who = s->client_name.len ? buf_str(&s->client_name) : "localhost";

	if (submit_space_ok(s->cf, s->o->qdir, s->size > 0 ? s->size : 0, who, s->qid))
		return true;
	smtp_reply(s, true, 452, "4.4.5", "%s", SUBMIT_NOSPACE_TEXT);
	return false;
}

void cmd_mail(session_t *s)
{
	buf_t path = BUF_INIT(SMTPD_MAXLINE), text = BUF_INIT(SMTPD_MAXLINE);
	const char *params = "";

	if (s->gotmail) {
		smtp_reply(s, true, 503, "5.5.0", "Sender already specified");
	} else if ((s->priv & SP_NEEDMAILHELO) && s->helo == NULL) {
		smtp_reply(s, true, 503, "5.0.0", "Polite people say HELO first");
	} else if (s->need_auth) {
		s->didmail = true;       /* no AUTH succeeds here yet */
		smtp_reply(s, true, 530, "5.7.0", "Authentication required");
	} else {
		s->didmail = true;
		if (s->sender_set)
			transaction_end(s, false);
		if (!path_split(s, "FROM", &path, &params, &text))
			smtp_reply(s, true, 501, "5.5.2", "Syntax error in parameters scanning \"%s\"",
				   buf_str(&text));
		else {
			if (s->helo == NULL)
				no_helo(s);
			if (mail_sender(s, buf_str(&path)) && mail_params(s, params) == 0 &&
			    space_ok(s))
				mail_checked(s, buf_str(&path));
		}
	}
	buf_free(&path);
	buf_free(&text);
}
