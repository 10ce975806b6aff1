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
#include <sys/stat.h>

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

/* StatusFile as a path: relative names under the queue directory (the
 * parent of a q* pattern); false when the option is not set */
static bool status_path(struct cf *cf, buf_t *out)
{
	const char *path = opt_str(&cf->opt, OPT_StatusFile);
	const char *qd = opt_str(&cf->opt, OPT_QueueDirectory);

	if (path == NULL)
		return false;
	if (path[0] == '\0')
		path = "statistics";
	if (path[0] != '/' && qd != NULL) {
		const char *slash;
		buf_adds(out, qd);
		if (strchr(qd, '*') != NULL && (slash = strrchr(buf_str(out), '/')) != NULL)
			buf_truncate(out, (size_t)(slash - buf_str(out)));
		buf_addc(out, '/');
	}
	buf_adds(out, path);
	return !out->overflow;
}

void stats_note_from(struct cf *cf, const char *sender, long bytes)
{
	buf_t p = BUF_INIT(4096);
	struct stat st;

	/* the sender's mailer costs a parse: only when the file is there */
	if (status_path(cf, &p) && stat(buf_str(&p), &st) == 0 && S_ISREG(st.st_mode))
		stats_from(stats_sender_mailer(cf, sender), bytes);
	buf_free(&p);
}

void stats_flush_cf(struct cf *cf)
{
	buf_t p = BUF_INIT(4096);

	if (stats_pending() && status_path(cf, &p))
		stats_flush(buf_str(&p), NULL);
	stats_forget();
	buf_free(&p);
}
