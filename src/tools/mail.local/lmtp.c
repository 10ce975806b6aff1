/* lmtp.c - mail.local -l: LMTP (RFC 2033) on standard input and output.
 * LHLO, MAIL FROM:<addr>, RCPT TO:<user[@domain]>, DATA (one reply per
 * accepted recipient after the final dot), RSET, NOOP, VRFY, QUIT, with
 * the reference's replies; the domain of a recipient is dropped and the
 * rest looked up as a local user. */
#include "mail_local.h"
#include "lib/xalloc.h"
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

int ml_getline(buf_t *b);

#define LMTP_MAXRCPT 1000

struct txn {
	buf_t from;
	bool have_from;
	char **rcpt;
	size_t nrcpt, cap;
};

static void txn_reset(struct txn *t)
{
	for (size_t i = 0; i < t->nrcpt; i++)
		free(t->rcpt[i]);
	t->nrcpt = 0;
	t->have_from = false;
	buf_reset(&t->from);
}

/* "<addr> params": the address into OUT; -1 without the brackets */
static int angle_addr(const char *s, buf_t *out)
{
	const char *e;

	if (*s != '<' || (e = strchr(s, '>')) == NULL)
		return -1;
	buf_reset(out);
	buf_add(out, s + 1, (size_t)(e - s - 1));
	return 0;
}

static void lhlo(void)
{
	char host[256] = "localhost";

	gethostname(host, sizeof host - 1);
	host[sizeof host - 1] = '\0';
	lmtp_reply("250-%s", host);
	if (!ml_opts.no8bit)
		lmtp_reply("250-8BITMIME");
	lmtp_reply("250-ENHANCEDSTATUSCODES");
	lmtp_reply("250 PIPELINING");
}

static void mail_from(struct txn *t, const char *arg)
{
	if (t->have_from) {
		lmtp_reply("503 5.5.1 Nested MAIL command");
		return;
	}
	if (angle_addr(arg, &t->from) < 0) {
		lmtp_reply("501 5.5.4 Syntax error in parameters");
		return;
	}
	if (t->from.len == 0)
		buf_set(&t->from, "MAILER-DAEMON");
	t->have_from = true;
	lmtp_reply("250 2.5.0 Ok");
}

static void rcpt_to(struct txn *t, const char *arg)
{
	buf_t user = BUF_INIT(1024);
	char *at;

	if (!t->have_from) {
		lmtp_reply("503 5.5.1 Need MAIL command");
		return;
	}
	if (angle_addr(arg, &user) < 0) {
		lmtp_reply("501 5.5.4 Syntax error in parameters");
	} else if (t->nrcpt >= LMTP_MAXRCPT) {
		lmtp_reply("452 4.5.3 Too many recipients");
	} else {
		if ((at = strchr(buf_str(&user), '@')) != NULL)
			buf_truncate(&user, (size_t)(at - user.p));
		if (user.len == 0 || getpwnam(buf_str(&user)) == NULL) {
			lmtp_reply("550 5.1.1 User unknown");
		} else {
			t->rcpt = xgrow(t->rcpt, &t->cap, t->nrcpt + 1, sizeof *t->rcpt);
			t->rcpt[t->nrcpt++] = xstrdup(buf_str(&user));
			lmtp_reply("250 2.1.5 Ok");
		}
	}
	buf_free(&user);
}

/* DATA: read the message to the lone dot, then deliver it to each
 * recipient; end of input inside the message ends the program */
static void data(struct txn *t)
{
	buf_t line = BUF_INIT(0);
	struct ml_msg m;
	const char *s;

	if (t->nrcpt == 0) {
		lmtp_reply("503 5.5.1 No recipients");
		return;
	}
	lmtp_reply("354 Go ahead");
	msg_begin(&m, buf_str(&t->from));
	for (;;) {
		if (ml_getline(&line) < 0)
			exit(EX_OK);
		s = buf_str(&line);
		if (strcmp(s, ".") == 0 || strcmp(s, ".\r") == 0)
			break;
		if (s[0] == '.')
			msg_line(&m, s + 1, line.len - 1);
		else
			msg_line(&m, s, line.len);
	}
	msg_end(&m);
	for (size_t i = 0; i < t->nrcpt; i++)
		if (deliver(&m, t->rcpt[i]) == 0)
			lmtp_reply("250 2.1.5 %s Ok", t->rcpt[i]);
	msg_free(&m);
	buf_free(&line);
	txn_reset(t);
}

static bool is_cmd(const char *line, const char *cmd)
{
	return strcasecmp(line, cmd) == 0;
}

static void command(struct txn *t, const char *s)
{
	if (strncasecmp(s, "LHLO", 4) == 0)
		lhlo();
	else if (strncasecmp(s, "MAIL FROM:", 10) == 0)
		mail_from(t, s + 10);
	else if (strncasecmp(s, "RCPT TO:", 8) == 0)
		rcpt_to(t, s + 8);
	else if (is_cmd(s, "DATA"))
		data(t);
	else if (is_cmd(s, "RSET")) {
		txn_reset(t);
		lmtp_reply("250 2.0.0 Ok");
	} else if (is_cmd(s, "NOOP"))
		lmtp_reply("250 2.0.0 Ok");
	else if (strncasecmp(s, "VRFY", 4) == 0)
		lmtp_reply("252 2.3.3 Try RCPT to attempt delivery");
	else if (is_cmd(s, "QUIT")) {
		lmtp_reply("221 2.0.0 Bye");
		exit(EX_OK);
	} else
		lmtp_reply("500 5.5.2 Syntax error");
}

void lmtp_serve(void)
{
	struct txn t = { BUF_INIT(1024), false, NULL, 0, 0 };
	buf_t line = BUF_INIT(65536);
	char host[256] = "localhost";

	gethostname(host, sizeof host - 1);
	host[sizeof host - 1] = '\0';
	lmtp_reply("220 %s LMTP ready", host);
	while (ml_getline(&line) == 0) {
		if (line.len > 0 && line.p[line.len - 1] == '\r')
			buf_truncate(&line, line.len - 1);
		command(&t, buf_str(&line));
	}
	exit(EX_OK);
}
