/* mode_qrun.c - sendmail -q: one queue run in the foreground (-q, -qf,
 * with -qI/-qR/-qS selections and -v progress); periodic runs (-q30m)
 * are not built yet. */
#include "sendmail/init.h"
#include "sendmail/modes.h"
#include "qrun/qrun.h"
#include "log/log.h"
#include <string.h>
#include <sysexits.h>

int sm_mode_qrun(cf_t *cf, sm_args_t *a)
{
	qrun_opts_t o;
	int rc;

	memset(&o, 0, sizeof o);
	o.verbose = a->verbose;
	o.out = stdout;
	o.sel = a->qsel;
	log_setup(a->logtag != NULL ? a->logtag : "sendmail",
		  (int)opt_num(&cf->opt, OPT_LogLevel), opt_str(&cf->opt, OPT_LogTarget));
	rc = qrun_once(cf, &o);
	qselect_free(&a->qsel);
	return rc;
}
