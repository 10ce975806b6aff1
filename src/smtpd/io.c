/* io.c - the wire side of a session: command lines read in bounded
 * pieces (a longer line is cut at SMTPD_MAXLINE, the rest dropped) and
 * replies written with CRLF, high bits stripped as the reference does. */
#include "smtpd/smtpd_int.h"
#include <stdio.h>

void smtp_reply(session_t *s, bool last, int code, const char *dsn, const char *fmt, ...)
{
	buf_t b = BUF_INIT(SMTPD_MAXLINE + 256);
	va_list ap;

	buf_printf(&b, "%03d%c", code, last ? ' ' : '-');
	if (dsn != NULL && *dsn)
		buf_printf(&b, "%s ", dsn);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.p[i] & 0x7f;
		if (c == '\r' || c == '\n')
			c = ' ';
		putc_unlocked(c, s->out);
	}
	fputs("\r\n", s->out);
	buf_free(&b);
	if (last)
		smtp_flush(s);
}

void smtp_flush(session_t *s)
{
	fflush(s->out);
}

bool smtp_getline(session_t *s)
{
	int c;
	bool any = false;

	buf_reset(&s->line);
	while ((c = getc_unlocked(s->in)) != EOF) {
		any = true;
		if (c == '\n')
			break;
		if (s->line.len < SMTPD_MAXLINE)
			buf_addc(&s->line, c);
	}
	if (!any)
		return false;
	if (s->line.len > 0 && s->line.p[s->line.len - 1] == '\r')
		buf_truncate(&s->line, s->line.len - 1);
	return true;
}
