/* runas.c - RunAsUser: started by root, a submission, a one-time queue
 * run or an SMTP session on standard input (-bs) becomes that user (and
 * its group, or RunAsGroup) once the configuration is read, as the
 * reference does for the MSP's submit.cf (RunAsUser=smmsp: the files in
 * /var/spool/clientmqueue belong to smmsp).  A daemon keeps root (its
 * sockets, its pid file) and each connection's child switches after the
 * accept, before reading any command, as op.txt says the reference does.
 * Groups, group id, user id, in that order, each checked: never half
 * switched. */
#include "sendmail/modes.h"
#include "conf/options.h"
#include "log/log.h"
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <grp.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

uid_t sm_real_uid(void)
{
	static uid_t uid;
	static bool known;

	if (!known) {
		uid = getuid();
		known = true;
	}
	return uid;
}

int sm_become_runas(cf_t *cf)
{
	uid_t uid;
	gid_t gid;

	if (geteuid() != 0 || !opt_is_set(&cf->opt, OPT_RunAsUser))
		return 0;
	uid = (uid_t)opt_num(&cf->opt, OPT_RunAsUser);
	gid = opt_is_set(&cf->opt, OPT_RunAsGroup) ? (gid_t)opt_num(&cf->opt, OPT_RunAsGroup)
						   : getegid();
	if (uid == 0)
		return 0;
	/* the invoking user, named and remembered before the switch */
	(void)log_real_user();
	(void)sm_real_uid();
	if (setgroups(1, &gid) != 0 || setgid(gid) != 0 || setuid(uid) != 0) {
		sm_log_id(LL_SERIOUS, LOG_CRIT, "", "SYSERR(%s): can not setuid(%ld): %s",
			  log_real_user(), (long)uid, strerror(errno));
		printf("can not setuid(%ld): %s\n", (long)uid, strerror(errno));
		return -1;
	}
	return 0;
}

int sm_run_as(cf_t *cf, const sm_args_t *a)
{
	if (a->queue && a->qarg != NULL && *a->qarg >= '0' && *a->qarg <= '9')
		return 0;               /* a queue-runner daemon */
	return sm_become_runas(cf);
}
