/* args.c - the sendmail command line, parsed as the reference's getopt
 * string does: flags may be clustered ("-ti"), a flag's argument is the
 * rest of the word or the next word; -q, -Q and -d may stand alone. */
#include "sendmail/init.h"
#include "lib/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* flags that take an argument; -q -Q -d take an optional one */
#define ARG_FLAGS "ABbCDdeFfhLMNOopQqRrTVX"
#define OPT_ARG_FLAGS "dQq"
#define PLAIN_FLAGS "cGIimnstUv"

/* -O copies live until exit */
static char *opt_copies[MAX_CLI_OPTS];
static int nopt_copies;

static void free_opt_copies(void)
{
	while (nopt_copies > 0)
		free(opt_copies[--nopt_copies]);
}

static const char *keep(char *o)
{
	if (nopt_copies == 0)
		atexit(free_opt_copies);
	if (nopt_copies < MAX_CLI_OPTS)
		opt_copies[nopt_copies++] = o;
	return o;
}

static const char *prog_name(const char *argv0)
{
	const char *s = strrchr(argv0, '/');
	return s != NULL ? s + 1 : argv0;
}

static int add_opt(sm_args_t *a, const char *v)
{
	if (a->nopts >= MAX_CLI_OPTS) {
		fprintf(stderr, "Too many -o/-O options\n");
		return -1;
	}
	a->opts[a->nopts++] = v;
	return 0;
}

/* -O Name=value is an O line body: " Name=value" */
static int add_long_opt(sm_args_t *a, const char *v)
{
	size_t n = strlen(v);
	char *o = xmalloc(n + 2);
	o[0] = ' ';
	memcpy(o + 1, v, n + 1);
	return add_opt(a, keep(o));
}

/* -e x is -oe x; -i is -oi; -m -oM; -c -oc; -s -of */
static int short_opt(sm_args_t *a, const char *text)
{
	return add_opt(a, text);
}

static const char *cat2(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *o = xmalloc(na + nb + 1);
	memcpy(o, a, na);
	memcpy(o + na, b, nb + 1);
	return keep(o);
}

static int set_mode(sm_args_t *a, const char *arg)
{
	static const char modes[] = "aCdDhHimpPstv";
	if (arg[0] == '\0' || arg[1] != '\0' || strchr(modes, arg[0]) == NULL) {
		printf("Invalid operation mode %s\n", arg);
		return -1;
	}
	a->mode = arg[0];
	return 0;
}

static int set_sender(sm_args_t *a, const char *arg)
{
	if (a->sender != NULL) {
		printf("More than one \"from\" person\n");
		return -1;
	}
	a->sender = arg;
	return 0;
}

static int set_macro(sm_args_t *a, const char *arg)
{
	if (a->nmacros >= MAX_CLI_MACROS)
		return -1;
	a->macros[a->nmacros++] = arg;
	return 0;
}

static int set_hops(sm_args_t *a, const char *arg)
{
	char *e;
	long h = strtol(arg, &e, 10);
	if (*arg == '\0' || *e != '\0' || h < 0) {
		printf("Bad hop count (%s)\n", arg);
		return -1;
	}
	a->hops = h;
	return 0;
}

/* one flag with its argument (NULL for plain flags) */
static int flag_with_arg(sm_args_t *a, int c, const char *arg)
{
	switch (c) {
	case 'A':
		/* only c and m choose; anything else is accepted and ignored */
		if (strcmp(arg, "c") == 0 || strcmp(arg, "m") == 0)
			a->submit_cf = arg[0];
		return 0;
	case 'B': a->bodytype = arg; return 0;
	case 'b': return set_mode(a, arg);
	case 'C': a->cffile = arg; a->cf_given = true; return 0;
	case 'D': a->debugfile = arg; return 0;
	case 'd': a->debug = *arg ? arg : "0-99.1"; return 0;
	case 'e': return short_opt(a, cat2("e", arg));
	case 'F': a->fullname = arg; return 0;
	case 'f': case 'r': return set_sender(a, arg);
	case 'h': return set_hops(a, arg);
	case 'L': a->logtag = arg; return 0;
	case 'M': return set_macro(a, arg);
	case 'N': a->notify = arg; return 0;
	case 'O': return add_long_opt(a, arg);
	case 'o': return short_opt(a, arg);
	case 'p': a->protocol = arg; return 0;
	case 'Q': a->quarantine = arg; return 0;
	case 'q': a->queue = true; a->qarg = arg; qselect_add(&a->qsel, arg); return 0;
	case 'R': a->ret = arg; return 0;
	case 'T': return short_opt(a, cat2("T", arg));   /* old -oT */
	case 'V': a->envid = arg; return 0;
	case 'X': a->xscript = arg; return 0;
	}
	return -1;
}

static int plain_flag(sm_args_t *a, int c)
{
	switch (c) {
	case 'c': return short_opt(a, "c");
	case 'G': a->gateway = true; return 0;
	case 'I': a->mode = 'i'; return 0;
	case 'i': return short_opt(a, "i");
	case 'm': return short_opt(a, "m");
	case 'n': a->noalias = true; return 0;
	case 's': return short_opt(a, "f");
	case 't': a->readrcpts = true; return 0;
	case 'U': a->initial = true; return 0;
	case 'v': a->verbose = true; return 0;
	}
	return -1;
}

/* one word of flags "-abc..." starting at w[1]; may consume the next word */
static int flag_word(sm_args_t *a, int argc, char **argv, int *i)
{
	const char *w = argv[*i];
	int bad = 0;

	for (size_t k = 1; w[k] != '\0'; k++) {
		int c = (unsigned char)w[k];
		if (strchr(ARG_FLAGS, c) != NULL) {
			const char *arg = w + k + 1;
			if (*arg == '\0' && strchr(OPT_ARG_FLAGS, c) == NULL) {
				if (*i + 1 >= argc) {
					fprintf(stderr, "%s: option requires an argument -- %c\n",
						a->progname, c);
					return -1;
				}
				arg = argv[++*i];
			}
			return flag_with_arg(a, c, arg) < 0 ? -1 : bad;
		}
		if (strchr(PLAIN_FLAGS, c) == NULL) {
			fprintf(stderr, "%s: illegal option -- %c\n", a->progname, c);
			bad = -1;
			continue;
		}
		plain_flag(a, c);
	}
	return bad;
}

static void defaults(sm_args_t *a, const char *argv0)
{
	memset(a, 0, sizeof *a);
	a->mode = 'm';
	a->hops = -1;
	a->cffile = "/etc/mail/sendmail.cf";
	a->progname = prog_name(argv0 != NULL ? argv0 : "sendmail");
	if (strcmp(a->progname, "newaliases") == 0)
		a->mode = 'i';
	else if (strcmp(a->progname, "mailq") == 0)
		a->mode = 'p';
	else if (strcmp(a->progname, "smtpd") == 0)
		a->mode = 'd';
	else if (strcmp(a->progname, "hoststat") == 0)
		a->mode = 'h';
	else if (strcmp(a->progname, "purgestat") == 0)
		a->mode = 'H';
}

int sm_parse_args(int argc, char **argv, sm_args_t *a)
{
	int i, rc = 0;

	defaults(a, argc > 0 ? argv[0] : NULL);
	for (i = 1; i < argc; i++) {
		const char *p = argv[i];
		if (p[0] != '-' || p[1] == '\0')
			break;
		if (strcmp(p, "--") == 0) {
			i++;
			break;
		}
		if (flag_word(a, argc, argv, &i) < 0)
			rc = -1;
	}
	a->rcpts = argv + i;
	a->nrcpts = argc - i;
	return rc;
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
