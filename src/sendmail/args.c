/* args.c - the sendmail command line (the subset each mode needs). */
#include "sendmail/init.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>

static const char *optarg_of(int argc, char **argv, int *i, const char *rest)
{
	if (*rest)
		return rest;
	if (*i + 1 < argc)
		return argv[++*i];
	return NULL;
}

/* the -O copies live until exit */
static char *opt_copies[MAX_CLI_OPTS];
static int nopt_copies;

static void free_opt_copies(void)
{
	while (nopt_copies > 0)
		free(opt_copies[--nopt_copies]);
}

static void keep_opt(char *o)
{
	if (nopt_copies == 0)
		atexit(free_opt_copies);
	opt_copies[nopt_copies++] = o;
}

/* the program's name without its directory */
static const char *prog_name(const char *argv0)
{
	const char *s = strrchr(argv0, '/');
	return s != NULL ? s + 1 : argv0;
}

int sm_parse_args(int argc, char **argv, sm_args_t *a)
{
	int i;
	bool cf_given = false;

	memset(a, 0, sizeof *a);
	a->mode = 'm';
	a->cffile = "/etc/mail/sendmail.cf";
	if (argc > 0 && strcmp(prog_name(argv[0]), "newaliases") == 0)
		a->mode = 'i';
	if (argc > 0 && strcmp(prog_name(argv[0]), "mailq") == 0)
		a->mode = 'p';
	for (i = 1; i < argc; i++) {
		const char *p = argv[i];
		if (p[0] != '-' || p[1] == '\0')
			break;
		if (strcmp(p, "--") == 0) {
			i++;
			break;
		}
		switch (p[1]) {
		case 'b':
			a->mode = p[2] ? p[2] : 'm';
			break;
		case 'C':
			a->cffile = optarg_of(argc, argv, &i, p + 2);
			if (a->cffile == NULL)
				return -1;
			cf_given = true;
			break;
		case 'O':
		case 'o': {
			const char *v = optarg_of(argc, argv, &i, p + 2);
			if (v == NULL || a->nopts >= MAX_CLI_OPTS)
				return -1;
			if (p[1] == 'O') {
				/* the long form, as an O line's body: " Name=value" */
				size_t n = strlen(v);
				char *o = xmalloc(n + 2);
				keep_opt(o);
				o[0] = ' ';
				memcpy(o + 1, v, n + 1);
				v = o;
			}
			a->opts[a->nopts++] = v;
			break;
		}
		case 'd':
			a->debug = p + 2;
			break;
		case 'q':
		case 'v':
		case 'A':
			sm_parse_qarg(a, p);
			break;
		default:
			/* other flags belong to modes not built yet; accept them */
			break;
		}
	}
	if (a->submit_cf && !cf_given)
		a->cffile = "/etc/mail/submit.cf";
	a->rcpts = argv + i;
	a->nrcpts = argc - i;
	return 0;
}

/* "-d0.1,21.2" style specs: category[-category][.level], comma separated */
bool sm_debug(const sm_args_t *a, int cat, int lvl)
{
	const char *p = a->debug;
	if (p == NULL)
		return false;
	while (*p) {
		long c0, c1, l = 1;
		char *e;
		c0 = strtol(p, &e, 10);
		if (e == p)
			return false;
		c1 = c0;
		p = e;
		if (*p == '-') {
			c1 = strtol(p + 1, &e, 10);
			p = e;
		}
		if (*p == '.') {
			l = strtol(p + 1, &e, 10);
			p = e;
		}
		if (cat >= c0 && cat <= c1 && l >= lvl)
			return true;
		if (*p != ',')
			break;
		p++;
	}
	return false;
}
