/* mode_smtp.c - -bs: one SMTP session on standard input and output (a
 * user's pipe, or a socket handed over by inetd). */
#include "sendmail/init.h"
#include "lib/pwcache.h"
#include "sendmail/modes.h"
#include "smtpd/smtpd.h"
#include "log/log.h"
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int sm_mode_smtp(cf_t *cf, const sm_args_t *a)
{
	const char *qd = opt_str(&cf->opt, OPT_QueueDirectory);
	smtpd_opts_t o;

	log_setup(a->logtag != NULL ? a->logtag : "sendmail",
		  (int)opt_num(&cf->opt, OPT_LogLevel), opt_str(&cf->opt, OPT_LogTarget));
	memset(&o, 0, sizeof o);
	o.qdir = qd != NULL && *qd ? qd : "/var/spool/mqueue";
	o.realuser = log_real_user();   /* the invoking user, RunAsUser or not */
	o.verbose = a->verbose;
	o.noalias = a->noalias;
	return smtpd_session(cf, &o, stdin, stdout);
}
