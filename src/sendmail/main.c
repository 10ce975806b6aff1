/* main.c - the sendmail command: argument parsing and mode dispatch. */
#include "sendmail/init.h"
#include "testmode/testmode.h"
#include "aliases/aliases.h"
#include "conf/cf.h"
#include "lib/str.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: sendmail [-bt|-bv] [-C file] [-O option=value] [-d flags] [address ...]\n");
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

int main(int argc, char **argv)
{
	sm_args_t args;
	cf_t *cf;
	int rc, qc;

	if (sm_parse_args(argc, argv, &args) < 0) {
		usage();
		return EX_USAGE;
	}
	cf = sm_startup(&args);
	if (cf == NULL)
		return EX_OSFILE;
	if (sm_debug(&args, 0, 1))
		sm_banner(cf, stdout);
	qc = queue_conflict(&args);
	if (qc != 0 && args.mode != 't') {
		fflush(stdout);
		return qc;
	}
	switch (args.mode) {
	case 't':
		rc = testmode_run(cf, stdin, stdout);
		break;
	case 'v':
		rc = sm_verify(cf, &args);
		break;
	case 'i':
		rc = alias_newaliases(cf);
		break;
	case 'p':
	case 'P':
		rc = sm_queue_mode(cf, &args);
		break;
	default:
		fprintf(stderr, "sendmail: mode -b%c is not implemented yet\n", args.mode);
		rc = EX_UNAVAILABLE;
	}
	fflush(stdout);
	return qc != 0 ? qc : rc;
}
