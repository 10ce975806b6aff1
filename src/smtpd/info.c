/* info.c - the commands that do not build a message: RSET, VRFY and EXPN
 * (PrivacyOptions, the attack counter, local users with their full
 * names, aliases), HELP (from HelpFile), ETRN (on a daemon connection a queue run
 * for the node in a child; Modifiers=E refuses it), VERB; the cf's
 * check_vrfy, check_expn and check_etrn rulesets may refuse them. */
#include "smtpd/smtpd_int.h"
#include "lib/pwcache.h"
#include "qrun/qrun.h"
#include "addr/parseaddr.h"
#include "aliases/aliases.h"
#include "aliases/alias_expand.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "submit/rcpts.h"
#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>

void cmd_rset(session_t *s)
{
	transaction_end(s, true);
	smtp_reply(s, true, 250, "2.0.0", "Reset state");
}

void cmd_verb(session_t *s)
{
	if (s->priv & SP_NOVERB)
		smtp_reply(s, true, 502, "5.7.0", "Verbose unavailable");
	else
		smtp_reply(s, true, 250, "2.0.0", "Verbose mode");
}

/* a daemon connection's ETRN: a queue run in a child for the entries
 * with a recipient at the node (as -qR) */
static void etrn_run(session_t *s, const char *node)
{
	buf_t sel = BUF_INIT(SMTPD_MAXLINE + 2);
	qrun_opts_t o;
	pid_t pid;

	if (s->o->daemon_name == NULL)
		return;
	fflush(NULL);
	pid = fork();
	if (pid != 0) {
		if (pid < 0)
			session_log(s, LL_SERIOUS, LOG_ERR, "ETRN: cannot fork: %s", strerror(errno));
		buf_free(&sel);
		return;
	}
	smtp_release_socket(s);
	memset(&o, 0, sizeof o);
	o.out = stderr;
	buf_printf(&sel, "R%s", node);
	qselect_add(&o.sel, buf_str(&sel));
	_exit(qrun_once(s->cf, &o));
}

/* check_etrn, check_vrfy, check_expn: a rejection is the reply */
static bool refused_by(session_t *s, const char *rsname, const char *arg)
{
	verdict_t v;
	bool no;

	verdict_init(&v);
	policy_check(s, rsname, arg, NULL, &v);
	no = v.code != 0;
	if (no)
		verdict_reply(s, &v);
	verdict_free(&v);
	return no;
}

void cmd_etrn(session_t *s)
{
	const char *arg = cmd_arg(s);

	if (s->priv & SP_NOETRN || s->no_etrn) {
		if (s->no_etrn)
			session_log(s, LL_STATS, LOG_INFO, "%s: ETRN %s [rejected]",
				    buf_str(&s->relay), arg);
		smtp_reply(s, true, 502, "5.7.0", "Sorry, we do not allow this operation");
		return;
	}
	if (*arg == '\0') {
		smtp_reply(s, true, 500, "5.5.2", "Parameter required");
		return;
	}
	s->didmail = true;
	if (refused_by(s, "check_etrn", arg))
		return;
	session_log(s, LL_STATS, LOG_INFO, "%s: ETRN %s", buf_str(&s->relay), arg);
	if (arg[0] == '#') {
		smtp_reply(s, true, 459, "4.5.4", "Queue %s unknown", arg + 1);
		return;
	}
	smtp_reply(s, true, 250, "2.0.0", "Queuing for node %s started", arg);
	etrn_run(s, arg);
}

/* "Full Name <user@$j>" for a local login, "<user@$j>" for an alias */
static void vrfy_local(session_t *s, addr_t *a, bool last)
{
	const char *j = mac_get(&s->cf->mac, 'j');
	struct passwd *pw = pwc_getpwnam(a->user);
	buf_t v = BUF_INIT(8192), name = BUF_INIT(1024);
	int st = 0;

	if (alias_lookup(a->user, &v, &st) <= 0 && pw != NULL && pw->pw_gecos != NULL)
		for (const char *p = pw->pw_gecos; *p && *p != ','; p++)
			buf_addc(&name, *p == '&' ? toupper((unsigned char)pw->pw_name[0]) : *p);
	if (name.len)
		smtp_reply(s, last, 250, "2.1.5", "%s <%s@%s>", buf_str(&name), a->user, j);
	else
		smtp_reply(s, last, 250, "2.1.5", "<%s@%s>", a->user, j);
	buf_free(&v);
	buf_free(&name);
}

static void vrfy_one(session_t *s, const char *arg, bool last)
{
	verdict_t v;
	addr_t a;

	memset(&a, 0, sizeof a);
	verdict_init(&v);
	policy_parse(s, arg, RF_RECIPADDR, &a, &v);
	if (v.code != 0)
		smtp_reply(s, last, v.code, v.dsn, "%s", buf_str(&v.text));
	else if (a.mailer == NULL)
		smtp_reply(s, last, 553, "5.1.3", "%s... Invalid address", arg);
	else if (strcmp(a.mailer->name, "local") != 0)
		smtp_reply(s, last, 252, "2.1.5", "<%s>", a.user);
	else if (!rcpt_local_known(&a))
		smtp_reply(s, last, 550, "5.1.1", "%s... User unknown", arg);
	else
		vrfy_local(s, &a, last);
	addr_free(&a);
	verdict_free(&v);
}

/* EXPN of an alias: its members, last first, as the reference lists them */
static bool expn_alias(session_t *s, const char *arg)
{
	buf_t v = BUF_INIT(65536), key = BUF_INIT(1024);
	size_t n;
	char **m;
	int st = 0;

	strip_angles(arg, &key);
	for (size_t i = 0; i < key.len; i++)
		key.p[i] = (char)tolower((unsigned char)key.p[i]);
	if (strchr(buf_str(&key), '@') != NULL || alias_lookup(buf_str(&key), &v, &st) <= 0) {
		buf_free(&v);
		buf_free(&key);
		return false;
	}
	m = alias_split_list(buf_str(&v), &n);
	for (size_t i = n; i-- > 0;) {
		vrfy_one(s, m[i] + strspn(m[i], " \t"), i == 0);
		free(m[i]);
	}
	free(m);
	buf_free(&v);
	buf_free(&key);
	return n > 0;
}

static bool vrfy_refused(session_t *s, bool expn)
{
	const char *l = buf_str(&s->line);

	if ((s->priv & (expn ? SP_NEEDEXPNHELO : SP_NEEDVRFYHELO)) && s->helo == NULL) {
		smtp_reply(s, true, 503, "5.0.0", "I demand that you introduce yourself first");
		return true;
	}
	if (!(s->priv & (expn ? SP_NOEXPN : SP_NOVRFY)))
		return false;
	session_log(s, LL_STATS, LOG_INFO, "%s: %s [rejected]", buf_str(&s->relay), l);
	if (expn)
		smtp_reply(s, true, 502, "5.7.0", "Sorry, we do not allow this operation");
	else
		smtp_reply(s, true, 252, "2.5.2",
			   "Cannot VRFY user; try RCPT to attempt delivery (or try finger)");
	return true;
}

void cmd_vrfy(session_t *s, bool expn)
{
	const char *arg = cmd_arg(s);

	s->didmail = true;
	if (vrfy_refused(s, expn))
		return;
	if (++s->nvrfy == MAX_VRFY_QUIET + 1)
		session_log(s, LL_STATS, LOG_INFO, "%s: possible SMTP attack: command=%s, count=%d",
			    buf_str(&s->relay), expn ? "EXPN" : "VRFY", s->nvrfy);
	session_log(s, LL_STATS, LOG_INFO, "%s: %s", buf_str(&s->relay), buf_str(&s->line));
	if (*arg == '\0')
		smtp_reply(s, true, 501, "5.5.2", "Argument required");
	else if (refused_by(s, expn ? "check_expn" : "check_vrfy", arg))
		;
	else if (!expn || !expn_alias(s, arg))
		vrfy_one(s, arg, true);
}
