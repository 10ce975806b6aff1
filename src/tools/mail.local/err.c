/* err.c - mail.local's diagnostics: one message, either answered to the
 * LMTP client with its status code, or logged (facility mail, LOG_ERR)
 * and written to standard error as "mail.local: message"; the reference
 * does not log what it answers in LMTP mode. */
#include "mail_local.h"
#include <stdarg.h>
#include <syslog.h>
#include <sysexits.h>

int ml_exitval = EX_OK;

void lmtp_reply(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputs("\r\n", stdout);
	fflush(stdout);
}

void mailerr(const char *code, const char *fmt, ...)
{
	buf_t msg = BUF_INIT(8192);
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (ml_opts.lmtp) {
		lmtp_reply("%s %s", code, buf_str(&msg));
	} else {
		syslog(LOG_ERR, "%s", buf_str(&msg));
		fprintf(stderr, "mail.local: %s\n", buf_str(&msg));
		fflush(stderr);
	}
	ml_exitval = code[0] == '4' ? EX_TEMPFAIL : EX_UNAVAILABLE;
	buf_free(&msg);
}
