/* init.h - startup shared by every mode: arguments, built-in macros,
 * host identity, reading the cf, and maps. */
#ifndef SM_INIT_H
#define SM_INIT_H
#include "conf/cf.h"
#include "queue/queue.h"
#include <stdbool.h>
#include <stdio.h>

#define SM_VERSION "8.17.1.9"
#define MAX_CLI_OPTS 64
#define MAX_CLI_MACROS 32

typedef struct sm_args {
	int mode;               /* -b letter: 'm' deliver (default), 't', 'v',
	                           'i', 'p', 'P', 's', 'd', 'D', 'h', 'H', 'a', 'C' */
	const char *cffile;
	bool cf_given;          /* -C */
	int submit_cf;          /* -A: 'c' submit.cf, 'm' sendmail.cf, 0 default */
	const char *opts[MAX_CLI_OPTS];   /* -O / -o values in order */
	int nopts;
	const char *macros[MAX_CLI_MACROS];  /* -M: "xvalue" / "{name}value" */
	int nmacros;
	const char *debug;      /* -d flags */
	const char *debugfile;  /* -D */
	const char *xscript;    /* -X */
	bool queue;             /* -q given (any form) */
	const char *qarg;       /* its text after "q" ("30m", "Ifoo", "p5m") */
	qselect_t qsel;         /* -qI/-qR/-qS/-qQ selections (qargs.c) */
	const char *sender;     /* -f / -r */
	const char *fullname;   /* -F */
	const char *bodytype;   /* -B */
	const char *notify;     /* -N */
	const char *ret;        /* -R */
	const char *envid;      /* -V */
	const char *protocol;   /* -p */
	const char *quarantine; /* -Q (may be "") */
	const char *logtag;     /* -L */
	long hops;              /* -h, -1 none */
	bool readrcpts;         /* -t */
	bool verbose;           /* -v */
	bool gateway;           /* -G */
	bool noalias;           /* -n */
	bool initial;           /* -U */
	char **rcpts;
	int nrcpts;
	const char *progname;   /* argv[0] without its directory */
} sm_args_t;

/* the command line as given (a heap copy; the daemons re-execute it),
 * and main's own argv, whose area the daemons reuse for their title */
extern char **sm_argv, **sm_orig_argv;
extern int sm_argc;

/* parse argv; on a usage error prints the reference's message and
 * returns -1 (exit EX_USAGE) */
int sm_parse_args(int argc, char **argv, sm_args_t *a);
/* -bp (mailq) and -bP */
int sm_queue_mode(cf_t *cf, sm_args_t *a);
cf_t *sm_startup(const sm_args_t *a);
int sm_verify(cf_t *cf, const sm_args_t *a);
/* -d0.1: version, options and system identity */
void sm_banner(cf_t *cf, FILE *f);
/* does the debug spec ask for category cat at level lvl or more? */
bool sm_debug(const sm_args_t *a, int cat, int lvl);

#endif
