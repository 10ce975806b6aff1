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

typedef struct sm_args {
	int mode;               /* 't' -bt, 'v' -bv, 'm' deliver, ... */
	const char *cffile;
	const char *opts[MAX_CLI_OPTS];   /* -O / -o values in order */
	int nopts;
	const char *debug;      /* -d flags */
	bool queue;             /* -q given (any form) */
	qselect_t qsel;         /* -qI/-qR/-qS/-qQ selections (qargs.c) */
	bool verbose;           /* -v */
	bool submit_cf;         /* -Ac: submit.cf unless -C names a file */
	char **rcpts;
	int nrcpts;
} sm_args_t;

int sm_parse_args(int argc, char **argv, sm_args_t *a);
/* -q..., -v, -A: the queue modes' flags (qargs.c) */
void sm_parse_qarg(sm_args_t *a, const char *flag);
/* -bp (mailq) and -bP */
int sm_queue_mode(cf_t *cf, sm_args_t *a);
cf_t *sm_startup(const sm_args_t *a);
int sm_verify(cf_t *cf, const sm_args_t *a);
/* -d0.1: version, options and system identity */
void sm_banner(cf_t *cf, FILE *f);
/* does the debug spec ask for category cat at level lvl or more? */
bool sm_debug(const sm_args_t *a, int cat, int lvl);

#endif
