/* session.c - one SMTP session: the greeting, the command loop and its
 * dispatch table, QUIT and the end of input, the transaction's from=
 * line and the "did not issue MAIL/EXPN/VRFY/ETRN" note; greet_pause
 * on daemon connections. */
#include "smtpd/smtpd_int.h"
#include "stats/stats.h"
#include "conf/cf.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "maps/map.h"
#include "queue/queue.h"
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <stdio.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

void session_log(session_t *s, int level, int prio, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sm_vlog_id(level, prio, s->qid[0] ? s->qid : NULL, fmt, ap);
	va_end(ap);
}

void session_new_qid(session_t *s)
{
	qid_new(s->qid, time(NULL));
	log_set_qid(s->qid);
}

const char *cmd_arg(const session_t *s)
{
	const char *p = buf_str(&s->line);
	p += strspn(p, " \t");
	p += strcspn(p, " \t");
	return p + strspn(p, " \t");
}

static void log_from(session_t *s)
{
	const char *r = mac_get(&s->cf->mac, 'r');
	buf_t l = BUF_INIT(8192);

	buf_printf(&l, "from=%s, size=%ld, class=0, nrcpts=%d", s->sender, s->size, s->nrcpts);
	if (s->msgid != NULL)
		buf_printf(&l, ", msgid=%s", s->msgid);
	if (s->bodytype != NULL)
		buf_printf(&l, ", bodytype=%s", s->bodytype);
	if (r != NULL)
		buf_printf(&l, ", proto=%s", r);
	if (s->o->daemon_name != NULL)
		buf_printf(&l, ", daemon=%s", s->o->daemon_name);
	buf_printf(&l, ", relay=%s", buf_str(&s->relay));
	session_log(s, LL_STATS, LOG_INFO, "%s", buf_str(&l));
	buf_free(&l);
}

void transaction_log(session_t *s)
{
	if (s->sender_set)
		log_from(s);
	s->sender_set = false;
}

void transaction_end(session_t *s, bool log)
{
	if (log && s->sender_set)
		log_from(s);
	free(s->msgid);
	s->msgid = NULL;
	free(s->sender);
	free(s->sender_addr);
	free(s->bodytype);
	free(s->ret);
	free(s->envid);
	free(s->auth);
	s->sender = s->sender_addr = s->bodytype = s->ret = s->envid = s->auth = NULL;
	rcptset_clear(&s->rset);
	env_free(&s->e);
	env_init(&s->e);
	env_free(&s->leaves);
	env_init(&s->leaves);
	s->gotmail = s->sender_set = s->discard = false;
	s->size = 0;
	s->nrcpts = 0;
	if (log)
		session_new_qid(s);
}

static unsigned privacy_flags(const cf_t *cf)
{
	static const struct { const char *w; unsigned f; } tab[] = {
		{ "needmailhelo", SP_NEEDMAILHELO }, { "needexpnhelo", SP_NEEDEXPNHELO },
		{ "needvrfyhelo", SP_NEEDVRFYHELO }, { "noexpn", SP_NOEXPN | SP_NOVERB },
		{ "novrfy", SP_NOVRFY }, { "noetrn", SP_NOETRN }, { "noverb", SP_NOVERB },
		{ "noreceipts", SP_NORECEIPTS }, { "authwarnings", SP_AUTHWARNINGS },
		{ "restrictqrun", SP_RESTRICTQRUN },
		{ "goaway", SP_NEEDMAILHELO | SP_NEEDEXPNHELO | SP_NEEDVRFYHELO |
			    SP_NOEXPN | SP_NOVRFY | SP_NOVERB |
			    SP_AUTHWARNINGS },
	};
	const char *p = opt_str(&cf->opt, OPT_PrivacyOptions);
	unsigned f = 0;

	while (p != NULL && *p) {
		size_t n;
		p += strspn(p, " \t,");
		n = strcspn(p, " \t,");
		for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
			if (strlen(tab[i].w) == n && strncasecmp(p, tab[i].w, n) == 0)
				f |= tab[i].f;
		p += n;
	}
	return f;
}

/* "$j Sendmail ..." -> "$j ESMTP Sendmail ...": the reference puts ESMTP
 * after the first word of SmtpGreetingMessage */
static void greeting(session_t *s)
{
	const char *g = opt_str(&s->cf->opt, OPT_SmtpGreetingMessage);
	buf_t b = BUF_INIT(4096);
	const char *t;
	size_t n;

	cf_expand(s->cf, g != NULL ? g : "$j Sendmail $v ready at $b", &b);
	t = buf_str(&b);
	n = strcspn(t, " \t");
	smtp_reply(s, true, 220, NULL, "%.*s ESMTP%s", (int)n, t, t + n);
	buf_free(&b);
}

void session_quit(session_t *s)
{
	smtp_reply(s, true, 221, "2.0.0", "%s closing connection", mac_get(&s->cf->mac, 'j'));
	s->quit = true;
}

static void cmd_noop(session_t *s)
{
	smtp_reply(s, true, 250, "2.0.0", "OK");
}

static void cmd_unknown(session_t *s)
{
	if (++s->nbad > MAX_BAD_COMMANDS) {
		smtp_reply(s, true, 421, "4.7.0", "%s Too many bad commands; closing connection",
			   mac_get(&s->cf->mac, 'j'));
		s->quit = true;
		return;
	}
	smtp_reply(s, true, 500, "5.5.1", "Command unrecognized: \"%s\"", buf_str(&s->line));
}

static void cmd_notimpl(session_t *s)
{
	smtp_reply(s, true, 502, "5.5.1", "Command not implemented: \"%s\"", buf_str(&s->line));
}

static void do_helo(session_t *s) { cmd_helo(s, false); }
static void do_ehlo(session_t *s) { cmd_helo(s, true); }
static void do_vrfy(session_t *s) { cmd_vrfy(s, false); }
static void do_expn(session_t *s) { cmd_vrfy(s, true); }

static const struct command {
	const char *name;
	void (*fn)(session_t *s);
} commands[] = {
	{ "helo", do_helo }, { "ehlo", do_ehlo }, { "mail", cmd_mail }, { "rcpt", cmd_rcpt },
	{ "data", cmd_data }, { "rset", cmd_rset }, { "noop", cmd_noop }, { "quit", session_quit },
	{ "vrfy", do_vrfy }, { "expn", do_expn }, { "help", cmd_help }, { "etrn", cmd_etrn },
	{ "verb", cmd_verb }, { "auth", cmd_auth }, { "starttls", cmd_starttls },
	{ "turn", cmd_notimpl },
};

/* a connection check_relay rejected: only these commands are served */
static bool refused(session_t *s, const struct command *c)
{
	static const char *const ok[] = { "helo", "ehlo", "noop", "rset", "quit" };

	if (s->conn_code == 0)
		return false;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strcmp(c->name, ok[i]) == 0)
			return false;
	if (strchr("mve", c->name[0]) != NULL && strcmp(c->name, "verb") != 0)
		s->didmail = true;      /* MAIL, VRFY, EXPN, ETRN */
	smtp_reply(s, true, s->conn_code, s->conn_dsn, "%s", buf_str(&s->conn_text));
	return true;
}

static void dispatch(session_t *s)
{
	const char *l = buf_str(&s->line);
	size_t n;

	l += strspn(l, " \t");
	n = strcspn(l, " \t");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strlen(commands[i].name) == n && strncasecmp(l, commands[i].name, n) == 0) {
			if (!refused(s, &commands[i]))
				commands[i].fn(s);
			return;
		}
	cmd_unknown(s);
}

const char *session_channel(const session_t *s)
{
	return s->o->daemon_name != NULL ? s->o->daemon_name : "stdin";
}

/* greet_pause on a daemon connection: the cf's ruleset gives a pause in
 * milliseconds before the greeting; a client that talks in it is told
 * 554 instead of the greeting and refused every command but HELO/EHLO/
 * NOOP/RSET/QUIT.  True when that happened. */
static bool greet_pause(session_t *s)
{
	struct pollfd p = { .fd = fileno(s->in), .events = POLLIN };
	struct timespec t0, t1;
	long ms;

	if (s->o->daemon_name == NULL || s->conn_code != 0)
		return false;
	ms = policy_number(s, "greet_pause", buf_str(&s->client_name), buf_str(&s->client_addr));
	if (ms <= 0 || clock_gettime(CLOCK_MONOTONIC, &t0) != 0)
		return false;
	if (poll(&p, 1, ms > 600000 ? 600000 : (int)ms) != 1 ||
	    clock_gettime(CLOCK_MONOTONIC, &t1) != 0)
		return false;
	session_log(s, LL_MINOR, LOG_INFO,
		    "rejecting commands from %s [%s] due to pre-greeting traffic after %ld seconds",
		    buf_str(&s->client_name), buf_str(&s->client_addr), (long)(t1.tv_sec - t0.tv_sec));
	s->didmail = true;      /* the reference logs no 'did not issue MAIL' then */
	s->conn_code = 550;
	snprintf(s->conn_dsn, sizeof s->conn_dsn, "5.0.0");
	buf_set(&s->conn_text, "Command rejected");
	smtp_reply(s, true, 554, NULL, "%s ESMTP not accepting messages", mac_get(&s->cf->mac, 'j'));
	return true;
}

static void session_init(session_t *s, cf_t *cf, const smtpd_opts_t *o, FILE *in, FILE *out)
{
	memset(s, 0, sizeof *s);
	s->stat_mailer = -1;
	s->cf = cf;
	s->o = o;
	s->in = in;
	s->out = out;
	buf_init(&s->line, SMTPD_MAXLINE + 1);
	buf_init(&s->relay, 1024);
	buf_init(&s->client_addr, 256);
	buf_init(&s->client_name, 1024);
	buf_init(&s->conn_text, 1024);
	env_init(&s->e);
	env_init(&s->leaves);
	s->priv = privacy_flags(cf);
	session_new_qid(s);
}

static void session_free(session_t *s)
{
	transaction_end(s, false);
	env_free(&s->e);
	env_free(&s->leaves);
	free(s->helo);
	buf_free(&s->line);
	buf_free(&s->relay);
	buf_free(&s->client_addr);
	buf_free(&s->client_name);
	buf_free(&s->conn_text);
}

static void session_close(session_t *s)
{
	transaction_end(s, true);
	/* a connection check_relay refused gets no such note (the reference) */
	if (!s->didmail && s->conn_code == 0 && !s->conn_discard)
		session_log(s, LL_MINOR, LOG_INFO,
			    "%s did not issue MAIL/EXPN/VRFY/ETRN during connection to %s",
			    buf_str(&s->relay), session_channel(s));
}

/* a socket closed with unread input is reset: let the client's last
 * words arrive first */
static void drain(session_t *s)
{
	struct pollfd p = { .fd = fileno(s->in), .events = POLLIN };
	char b[4096];

	fflush(s->out);
	if (!s->is_socket || shutdown(fileno(s->out), SHUT_WR) != 0)
		return;
	while (poll(&p, 1, 1000) == 1 && read(p.fd, b, sizeof b) > 0)
		;
}

/* the statistics file: a daemon connection counts as one from; a session
 * with a rejection or a discarded message counts once as rejected for
 * the sender's mailer (the null sender's: $n's), as the reference counts */
static void session_stats(session_t *s)
{
	int m = s->stat_mailer;

	if (s->is_socket)
		stats_conn(ST_CONN_FROM);
	if (s->stat_rejected || s->stat_discarded) {
		if (m < 0)
			m = stats_sender_mailer(s->cf, "<>");
		if (s->stat_rejected)
			stats_reject(m);
		if (s->stat_discarded)
			stats_discard(m);
		stats_conn(ST_CONN_REJ);
	}
	stats_flush_cf(s->cf);
}

int smtpd_session(cf_t *cf, const smtpd_opts_t *o, FILE *in, FILE *out)
{
	session_t s;
	int st;

	session_init(&s, cf, o, in, out);
	map_host_quiet(true);
	client_identify(&s);
	client_macros(&s);
	client_check_relay(&s);
	smtp_read_timeout(&s, false);
	if (!greet_pause(&s))
		greeting(&s);
	while (!s.quit && (s.line_ready || smtp_getline(&s))) {
		s.line_ready = false;
		dispatch(&s);
	}
	if (!s.quit && s.gotmail)
		session_log(&s, LL_PROTO, LOG_NOTICE, "lost input channel from %s to %s after %s",
			    buf_str(&s.relay), session_channel(&s),
			    s.nrcpts > 0 ? "rcpt" : "mail");
	session_close(&s);
	session_stats(&s);
	st = s.exitstat;
	drain(&s);
	session_free(&s);
	return st;
}
