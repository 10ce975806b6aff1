/* hooks.c - the place the SMTP client will fill: until it exists, every
 * SMTP recipient is deferred and stays queued.  (Delivery status
 * notifications are src/dsn.) */
#include "deliver/deliver_int.h"
#include "log/log.h"
#include <sysexits.h>

void smtp_deliver(cf_t *cf, envelope_t *e, mailer_t *m, const char *host,
		  rcpt_t **rcpts, size_t n, attempt_t *att, const deliver_opts_t *o)
{
	size_t i;

	(void)cf;
	(void)e;
	(void)o;
	for (i = 0; i < n; i++) {
		(void)rcpts[i];
		attempt_set_exit(&att[i], EX_TEMPFAIL, NULL);
		env_set_str(&att[i].dsn, "4.4.1");
		env_set_str(&att[i].stat, "Deferred: SMTP client not available");
		if (host != NULL && *host) {
			buf_t b = BUF_INIT(0);
			buf_printf(&b, "%s", host);
			env_set_str(&att[i].relay, buf_str(&b));
			buf_free(&b);
		}
		(void)m;
	}
}
