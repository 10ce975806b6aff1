/* hello.c - the start of a session: the server's greeting (Timeout.initial),
 * EHLO $j (Timeout.helo) for ESMTP mailers, HELO when EHLO is refused or
 * the mailer is not ESMTP, and the extensions the EHLO reply lists. */
#include "smtpc/smtpc_int.h"
#include "conf/options.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *kw;
	unsigned bit;
} exts[] = {
	{ "PIPELINING", EXT_PIPELINING }, { "SIZE", EXT_SIZE }, { "8BITMIME", EXT_8BITMIME },
	{ "DSN", EXT_DSN }, { "STARTTLS", EXT_STARTTLS }, { "AUTH", EXT_AUTH },
	{ "ENHANCEDSTATUSCODES", EXT_ENHSC },
};

/* the keywords of the lines after the first */
static void parse_ext(ssess_t *s, const char *text)
{
	const char *l = strchr(text, '\n');

	s->ext = 0;
	s->authmechs[0] = '\0';
	while (l != NULL) {
		size_t n, i;
		l++;
		n = strcspn(l, "\n");
		if (n > 4) {
			const char *kw = l + 4;
			size_t kn = strcspn(kw, " =\n");
			for (i = 0; i < sizeof exts / sizeof exts[0]; i++)
				if (kn == strlen(exts[i].kw) && strncasecmp(kw, exts[i].kw, kn) == 0)
					s->ext |= exts[i].bit;
			if (kn == 4 && strncasecmp(kw, "AUTH", 4) == 0 && (kw[4] == ' ' || kw[4] == '='))
				snprintf(s->authmechs, sizeof s->authmechs, "%.*s", (int)(n > 9 ? n - 9 : 0),
					 kw + 5);
		}
		l = strchr(l, '\n');
	}
}

/* EHLO $j: 0 accepted (extensions parsed), 1 refused (5xx), -1 other */
int sehlo(ssess_t *s, sreply_t *r)
{
	buf_t cmd = BUF_INIT(0);
	long t = smtpc_timeout(s->q->cf, OPT_Timeout_helo);
	int rc = -1;

	s->phase = "EHLO";
	buf_printf(&cmd, "EHLO %s", s->helo[0] ? s->helo : s->q->heloname);
	if (sconn_cmd(s, buf_str(&cmd), t, true) == 0 && sreply_read(s, r, t) == 0) {
		if (r->code / 100 == 2) {
			parse_ext(s, buf_str(&r->text));
			rc = 0;
		} else if (r->code / 100 == 5) {
			rc = 1;
		}
	}
	buf_free(&cmd);
	return rc;
}

/* 0: ready for MAIL; -1: r holds the failure (code 0: I/O) */
int shello(ssess_t *s, sreply_t *r)
{
	buf_t cmd = BUF_INIT(0);
	long t = smtpc_timeout(s->q->cf, OPT_Timeout_helo);
	int rc = -1;

	s->phase = "client greeting";
	if (sreply_read(s, r, smtpc_timeout(s->q->cf, OPT_Timeout_initial)) < 0 || r->code != 220)
		return -1;
	if (s->q->esmtp && (rc = sehlo(s, r)) != 1)
		return rc;
	s->phase = "HELO";
	s->ext = 0;
	buf_printf(&cmd, "HELO %s", s->helo[0] ? s->helo : s->q->heloname);
	rc = -1;
	if (sconn_cmd(s, buf_str(&cmd), t, true) == 0 && sreply_read(s, r, t) == 0 &&
	    r->code / 100 == 2)
		rc = 0;
	buf_free(&cmd);
	return rc;
}
