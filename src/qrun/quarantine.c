/* quarantine.c - sendmail -Q[reason]: the selected queue entries (-qI,
 * -qR, -qS; with -qQ the quarantined ones) get the quarantine reason (the
 * control file becomes hfID with a q line: queue runs leave it alone) or,
 * with an empty reason, lose it (back to qfID).  Each entry is changed
 * under its lock; the log says "quarantine=REASON" or "unquarantine". */
#include "qrun/qrun.h"
#include "log/log.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

static void change_one(const char *qdir, const char *qid, bool from_hf, const char *reason)
{
	int fd = qf_open_locked_type(qdir, from_hf ? 'h' : 'q', qid, true);
	envelope_t e;
	buf_t err = BUF_INIT(0);

	if (fd < 0)
		return;                     /* held by a runner, or gone */
	env_init(&e);
	if (qf_read_fd(fd, &e, &err) == 0) {
		snprintf(e.qid, sizeof e.qid, "%s", qid);
		env_set_str(&e.qdir, qdir);
		env_set_str(&e.quarantine, *reason ? reason : NULL);
		if (qf_write(&e, true, NULL) == 0) {
			if (*reason)
				sm_log_id(LL_ERRMSG, LOG_INFO, qid, "quarantine=%s", reason);
			else
				sm_log_id(LL_ERRMSG, LOG_INFO, qid, "unquarantine");
		}
	}
	env_free(&e);
	buf_free(&err);
	close(fd);
}

int qrun_quarantine(cf_t *cf, const qrun_opts_t *o, const char *reason)
{
	const char *spec = opt_str(&cf->opt, OPT_QueueDirectory);
	size_t nd, n;
	char **dirs = queue_dirs(spec != NULL && *spec ? spec : "/var/spool/mqueue", &nd);

	for (size_t d = 0; d < nd; d++) {
		qentry_t *v = queue_scan(dirs[d], &o->sel, "f", &n);
		for (size_t i = 0; v != NULL && i < n; i++)
			if (!v[i].no_qf && !v[i].bad)
				change_one(dirs[d], v[i].qid, o->sel.quarantined, reason);
		if (v != NULL)
			qentries_free(v, n);
		free(dirs[d]);
	}
	free(dirs);
	return EX_OK;
}
