/* stats_cf.c - the statistics counters in sendmail's terms: a message
 * counts for the mailer its sender resolves to (the null sender as
 * MAILER-DAEMON, $n), a delivery for the recipient's mailer; the file is
 * the StatusFile option, relative names under the queue directory. */
#include "stats/stats.h"
#include "addr/parseaddr.h"
#include "conf/cf.h"
#include "conf/macro.h"
#include "lib/buf.h"
#include <string.h>

int stats_sender_mailer(struct cf *cf, const char *sender)
{
	addr_t a;
	int m = -1;

	if (sender == NULL || sender[0] == '\0' || strcmp(sender, "<>") == 0)
		sender = mac_get(&cf->mac, 'n') ? mac_get(&cf->mac, 'n') : "MAILER-DAEMON";
	memset(&a, 0, sizeof a);
	if (parseaddr(cf, NULL, sender, RF_SENDERADDR, &a) == 0 && a.mailer != NULL)
		m = a.mailer->index;
	addr_free(&a);
	return m;
}

void stats_flush_cf(struct cf *cf)
{
	const char *path = opt_str(&cf->opt, OPT_StatusFile);
	const char *qd = opt_str(&cf->opt, OPT_QueueDirectory);
	buf_t dir = BUF_INIT(4096);

	if (!stats_pending())
		return;
	if (path == NULL) {
		stats_forget();
		return;
	}
	if (qd != NULL) {
		/* a queue path pattern (q*): its parent directory */
		const char *star = strchr(qd, '*'), *slash;
		buf_adds(&dir, qd);
		if (star != NULL && (slash = strrchr(buf_str(&dir), '/')) != NULL)
			buf_truncate(&dir, (size_t)(slash - buf_str(&dir)));
	}
	stats_flush(path, qd != NULL ? buf_str(&dir) : NULL);
	buf_free(&dir);
}
