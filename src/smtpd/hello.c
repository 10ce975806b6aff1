/* hello.c - HELO and EHLO: the client's name is checked, $s and $r are
 * set, and EHLO lists the service extensions this configuration offers
 * in the reference's order. */
#include "smtpd/smtpd_int.h"
#include "conf/cf.h"
#include "lib/xalloc.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* a domain name or an address literal: no blanks, brackets only around
 * a literal, none of the characters that delimit addresses */
static bool valid_helo(const char *h)
{
	if (*h == '\0')
		return false;
	for (const char *p = h; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (isspace(c) || strchr("<>()@,;\\\"", c) != NULL || c < 0x20 || c == 0x7f)
			return false;
	}
	return true;
}

static void extensions(session_t *s)
{
	long max = opt_num(&s->cf->opt, OPT_MaxMessageSize);
	const char *auth;

	/* a client check_relay refused is offered nothing else */
	smtp_reply(s, s->conn_code != 0, 250, NULL, "ENHANCEDSTATUSCODES");
	if (s->conn_code != 0)
		return;
	auth = auth_mechanisms(s);
	smtp_reply(s, false, 250, NULL, "PIPELINING");
	if (!(s->priv & SP_NOEXPN))
		smtp_reply(s, false, 250, NULL, "EXPN");
	if (!(s->priv & SP_NOVERB))
		smtp_reply(s, false, 250, NULL, "VERB");
	smtp_reply(s, false, 250, NULL, "8BITMIME");
	if (max > 0)
		smtp_reply(s, false, 250, NULL, "SIZE %ld", max);
	else
		smtp_reply(s, false, 250, NULL, "SIZE");
	if (!(s->priv & SP_NORECEIPTS))
		smtp_reply(s, false, 250, NULL, "DSN");
	if (!(s->priv & SP_NOETRN) && !s->no_etrn)
		smtp_reply(s, false, 250, NULL, "ETRN");
	if (*auth)
		smtp_reply(s, false, 250, NULL, "AUTH %s", auth);
	smtp_reply(s, false, 250, NULL, "DELIVERBY");
	smtp_reply(s, true, 250, NULL, "HELP");
}

void cmd_helo(session_t *s, bool ehlo)
{
	const char *arg = cmd_arg(s);
	const char *j = mac_get(&s->cf->mac, 'j');
	buf_t name;

	/* not checked on a connection already refused (greet_pause, check_relay) */
	if (s->conn_code == 0 && smtp_traffic_before_reply(s, ehlo ? "EHLO" : "HELO")) {
		/* from now on the session is refused like a check_relay reject */
		s->conn_code = 550;
		snprintf(s->conn_dsn, sizeof s->conn_dsn, "5.0.0");
		buf_set(&s->conn_text, "Command rejected");
		s->didmail = true;      /* the reference logs no 'did not issue MAIL' then */
		return;
	}
	buf_init(&name, SMTPD_MAXLINE);
	buf_adds(&name, arg);
	while (name.len > 0 && isspace((unsigned char)name.p[name.len - 1]))
		buf_truncate(&name, name.len - 1);
	if (name.len == 0) {
		smtp_reply(s, true, 501, "5.0.0", "%s requires domain address", ehlo ? "EHLO" : "HELO");
	} else if (!valid_helo(buf_str(&name))) {
		smtp_reply(s, true, 501, "5.0.0", "Invalid domain name");
	} else {
		free(s->helo);
		s->helo = xstrdup(buf_str(&name));
		s->esmtp = ehlo;
		mac_define(&s->cf->mac, 's', s->helo);
		mac_define(&s->cf->mac, 'r', ehlo ? "ESMTP" : "SMTP");
		if (s->gotmail || s->sender_set)
			transaction_end(s, true);
		smtp_reply(s, !ehlo, 250, NULL, "%s Hello %s, pleased to meet you", j ? j : "localhost",
			   buf_str(&s->relay));
		if (ehlo)
			extensions(s);
	}
	buf_free(&name);
}
