/* reply.c - one SMTP reply from the server: lines "ddd-text" up to the
 * last "ddd text", at most SMTPC_REPLY_MAX lines of SMTPC_LINE_MAX
 * bytes; the code, the enhanced status code of the first line, all the
 * text.  Lines without a three-digit code are passed over; a reply that
 * does not end within the limit, a timeout or a closed connection are
 * errors (code 0), in words by sreply_error. */
#include "smtpc/smtpc_int.h"
#include <ctype.h>
#include <errno.h>
#include <string.h>

void sreply_init(sreply_t *r)
{
	memset(r, 0, sizeof *r);
	buf_init(&r->text, SMTPC_LINE_MAX * 4);
	buf_init(&r->last, SMTPC_LINE_MAX + 1);
}

void sreply_free(sreply_t *r)
{
	buf_free(&r->text);
	buf_free(&r->last);
}

static bool has_code(const char *l, size_t n)
{
	return n >= 3 && l[0] >= '2' && l[0] <= '5' && isdigit((unsigned char)l[1]) &&
	       isdigit((unsigned char)l[2]) && (n == 3 || l[3] == ' ' || l[3] == '-');
}

/* "4.3.0" at the start of t (after the code) */
static void enhanced(const char *t, char *dsn, size_t dsz)
{
	size_t n = strspn(t, "0123456789.");

	dsn[0] = '\0';
	if (n >= 5 && n < dsz && (t[0] == '2' || t[0] == '4' || t[0] == '5') && t[1] == '.' &&
	    (t[n] == ' ' || t[n] == '\0')) {
		memcpy(dsn, t, n);
		dsn[n] = '\0';
	}
}

int sreply_read(ssess_t *s, sreply_t *r, long timeout)
{
	buf_t line = BUF_INIT(SMTPC_LINE_MAX + 1);
	int nlines = 0, rc = -1;

	r->code = 0;
	r->dsn[0] = '\0';
	buf_reset(&r->text);
	buf_reset(&r->last);
	while (nlines++ < SMTPC_REPLY_MAX) {
		if (sconn_readline(&s->c, &line, timeout) < 0)
			break;
		sverbose(s, "%s", buf_str(&line));
		/* a line without a code is passed over, as the reference
		 * does (it counts towards the limit) */
		if (!has_code(line.p ? line.p : "", line.len))
			continue;
		if (r->text.len > 0)
			buf_addc(&r->text, '\n');
		buf_add(&r->text, line.p, line.len);
		if (nlines == 1 && line.len > 4)
			enhanced(line.p + 4, r->dsn, sizeof r->dsn);
		if (line.len == 3 || line.p[3] == ' ') {
			r->code = (line.p[0] - '0') * 100 + (line.p[1] - '0') * 10 + (line.p[2] - '0');
			buf_set(&r->last, buf_str(&line));
			if (s->phase == NULL || strcmp(s->phase, "QUIT") != 0)
				snprintf(s->lastreply, sizeof s->lastreply, "%.511s", buf_str(&line));
			rc = 0;
			break;
		}
	}
	if (rc < 0 && s->c.err == 0)
		s->c.err = EPROTO;   /* too many lines */
	buf_free(&line);
	return rc;
}

/* the stat= text of a read or write that failed: the reference's words
 * (a clean close while waiting for the MAIL or the final reply is a bare
 * "Deferred") */
void sreply_error(ssess_t *s, buf_t *out)
{
	bool bare = s->c.eof && s->phase != NULL &&
		    (strcmp(s->phase, "MAIL") == 0 || strcmp(s->phase, "DATA end") == 0);

	if (s->c.timedout)
		buf_printf(out, "Deferred: Connection timed out with %s", s->hostname);
	else if (bare)
		buf_adds(out, "Deferred");
	else if (s->c.eof || s->c.err == ECONNRESET || s->c.err == EPIPE)
		buf_printf(out, "Deferred: Connection reset by %s", s->hostname);
	else if (s->c.err == EPROTO)
		buf_printf(out, "Deferred: 451 4.5.0 %s: reply too long or without end", s->hostname);
	else
		buf_printf(out, "Deferred: %s: %s", s->hostname, strerror(s->c.err ? s->c.err : EIO));
}
