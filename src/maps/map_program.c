/* map_program.c - the program map class: run a program with the key as
 * its last argument; the first line it prints is the value.
 *
 * "Kname program /path/prog [args...]": the program runs as the
 * DefaultUser/DefaultGroup (when we are root), stdin /dev/null, stderr
 * inherited.  As in the reference: one read of at most 2047 bytes of
 * its output, cut at the first newline; the key is passed as given
 * (no case folding, quotes kept); an exit status other than 0 is no
 * match with that status (78 when it cannot be executed); death by a
 * signal is a system error with status 69; no output is no match.
 * Unlike the reference, a program that neither answers nor exits
 * within PROG_TIMEOUT seconds is killed (status 75): a program map
 * never hangs the MTA and never leaves a zombie. */
#include "maps/map.h"
#include "maps/map_proc.h"
#include "maps/map_log.h"
#include "conf/cf.h"
#include "conf/options.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#define PROG_ANSWER  2047      /* bytes of output read, as the reference */
#define PROG_TIMEOUT 30        /* seconds before a silent program is killed */
#define PROG_MAXARGS 64

typedef struct progh {
	char *argv[PROG_MAXARGS + 2];   /* program, K line args, key, NULL */
	int argc;
} progh_t;

static int prog_parse_rest(map_t *m, const char *rest)
{
	progh_t *h = xcalloc(1, sizeof *h);
	const char *p = rest, *s;

	m->handle = h;
	if (map_parse_filename(m, rest) < 0 || m->file == NULL)
		return 0;
	while (*p && h->argc < PROG_MAXARGS) {
		while (*p == ' ' || *p == '\t')
			p++;
		for (s = p; *p && *p != ' ' && *p != '\t'; p++)
			;
		if (p > s)
			h->argv[h->argc++] = xstrndup(s, (size_t)(p - s));
	}
	return 0;
}

/* the user the program runs as: DefaultUser, 1:1 unless set */
static void prog_ids(proc_spec_t *ps)
{
	long u = CF ? opt_num(&CF->opt, OPT_DefaultUser) : 1;
	long g = CF ? opt_num(&CF->opt, OPT_DefaultGroup) : 1;

	ps->uid = u > 0 ? (uid_t)u : 1;
	ps->gid = g > 0 ? (gid_t)g : 1;
}

static int prog_lookup(map_t *m, const char *key, const char **args, int nargs,
		       buf_t *out, int *stat)
{
	progh_t *h = m->handle;
	proc_spec_t ps;
	proc_result_t r;
	const char *why;
	char *nl;

	*stat = MAP_OK;
	if (h == NULL || h->argc == 0)
		return 0;
	if (map_safefile(h->argv[0], &why) != SF_OK)
		map_log(LOG_INFO, "Warning: prog_open: program %s unsafe: %s", h->argv[0], why);
	h->argv[h->argc] = (char *)key;
	h->argv[h->argc + 1] = NULL;
	memset(&ps, 0, sizeof ps);
	ps.argv = h->argv;
	ps.maxout = PROG_ANSWER;
	ps.timeout = PROG_TIMEOUT;
	prog_ids(&ps);
	proc_run(&ps, &r);
	h->argv[h->argc] = NULL;
	if (r.timedout) {
		map_syserr(0, "prog_map_lookup(%s): timeout", m->name);
		*stat = MAP_TEMPFAIL;
	} else if (r.signal) {
		map_syserr(0, "prog_map_lookup(%s): child died on signal %d", m->name, r.signal);
		*stat = MAP_UNAVAIL;
	} else if (r.failed) {
		map_syserr(r.err, "prog_map_lookup(%s) failed", m->name);
		*stat = MAP_TEMPFAIL;
	} else if (r.status != 0)
		*stat = r.status;
	if (*stat != MAP_OK || r.out.len == 0) {
		buf_free(&r.out);
		return 0;
	}
	if ((nl = memchr(r.out.p, '\n', r.out.len)) != NULL)
		buf_truncate(&r.out, (size_t)(nl - r.out.p));
	if (m->flags & MF_MATCHONLY)
		map_rewrite(m, key, strlen(key), key, args, nargs, out);
	else
		map_rewrite(m, r.out.p, r.out.len, key, args, nargs, out);
	buf_free(&r.out);
	return 1;
}

/* a K line without a program never opens */
static int prog_open(map_t *m)
{
	return m->file ? MAP_OK : MAP_UNAVAIL;
}

static void prog_close(map_t *m)
{
	progh_t *h = m->handle;
	int i;

	for (i = 0; i < h->argc; i++)
		free(h->argv[i]);
	free(h);
	m->handle = NULL;
}

const map_class_t map_class_program = {
	"program", NULL, prog_parse_rest, prog_open, NULL, prog_lookup, prog_close,
	MF_NOFOLDCASE | MF_KEEPQUOTES
};
