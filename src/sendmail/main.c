/* main.c - the sendmail command: argument parsing and mode dispatch. */
#include "smtpc/hoststat.h"
#include "sendmail/init.h"
#include "sendmail/modes.h"
#include "lib/xalloc.h"
#include "testmode/testmode.h"
#include "aliases/aliases.h"
#include "conf/cf.h"
#include "lib/str.h"
#include "log/xlog.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#define SUBMIT_CF "/etc/mail/submit.cf"

char **sm_argv, **sm_orig_argv;
int sm_argc;

/* which cf: -C names one; -Ac submit.cf, -Am sendmail.cf; a plain
 * submission and -bs use submit.cf (the mail submission program) when it
 * exists */
static void choose_cf(sm_args_t *a)
{
	if (a->cf_given)
		return;
	if (a->submit_cf == 'c' ||
	    (a->submit_cf == 0 && (a->mode == 'm' || a->mode == 's') && !a->queue &&
	     access(SUBMIT_CF, R_OK) == 0))
		a->cffile = SUBMIT_CF;
}

/* -q makes no sense with -bi, -bv and -bt: the reference says so and
 * exits 64, except in -bt, which still runs (the status stays 64) */
static int queue_conflict(const sm_args_t *a)
{
	if (!a->queue || (a->mode != 'i' && a->mode != 'v' && a->mode != 't'))
		return 0;
	printf("Can not use -q with -b%c\n", a->mode);
	return EX_USAGE;
}

/* the arguments on the heap: the daemon modes reuse argv's own area for
 * the process title, and SIGHUP re-executes with the original words */
static char **copy_argv(int argc, char **argv)
{
	char **v = xcalloc((size_t)argc + 1, sizeof *v);
	for (int i = 0; i < argc; i++)
		v[i] = xstrdup(argv[i]);
	return v;
}

int main(int argc, char **argv)
{
	sm_args_t args;
	cf_t *cf;
	int rc, qc;

	sm_argv = copy_argv(argc, argv);
	sm_argc = argc;
	sm_orig_argv = argv;
	if (sm_parse_args(argc, sm_argv, &args) < 0)
		return EX_USAGE;
	choose_cf(&args);
	cf = sm_startup(&args);
	if (cf == NULL)
		return EX_OSFILE;
	if (sm_debug(&args, 0, 1))
		sm_banner(cf, stdout);
	if (args.xscript != NULL && xlog_open(args.xscript) != 0) {
		printf("cannot open %s: %s\n", args.xscript, strerror(errno));
		return EX_CANTCREAT;
	}
	if (args.xscript != NULL && args.mode != 's' && args.mode != 'd' && args.mode != 'D' &&
	    xlog_wrap_stdout() != 0)
		return EX_OSERR;
	qc = queue_conflict(&args);
	if (qc != 0 && args.mode != 't') {
		fflush(stdout);
		return qc;
	}
	switch (args.mode) {
	case 't':
		alias_text_trace(stdout);
		rc = testmode_run(cf, stdin, stdout);
		break;
	case 'v':
		rc = sm_verify(cf, &args);
		break;
	case 'i':
		rc = alias_newaliases(cf);
		break;
	case 'm':
		/* submission and queue runs show the alias database notes
		 * (text version read, out of date) only with -v */
		alias_wait_config(opt_num(&cf->opt, OPT_AliasWait), args.verbose);
		if (sm_run_as(cf, &args) != 0) {
			rc = EX_OSERR;
			break;
		}
		rc = args.queue || args.quarantine != NULL ? sm_mode_qrun(cf, &args)
							      : sm_mode_submit(cf, &args);
		break;
	case 's':
		rc = sm_run_as(cf, &args) != 0 ? EX_OSERR : sm_mode_smtp(cf, &args);
		break;
	case 'd':
	case 'D':
		rc = sm_mode_daemon(cf, &args);
		break;
	case 'p':
	case 'P':
		rc = sm_queue_mode(cf, &args);
		break;
	case 'h':
		rc = hoststat_print(cf, stdout);
		break;
	case 'H':
		rc = hoststat_purge(cf, stdout);
		break;
	default:
		fprintf(stderr, "sendmail: mode -b%c is not implemented yet\n", args.mode);
		rc = EX_UNAVAILABLE;
	}
	fflush(stdout);
	return qc != 0 ? qc : rc;
}
