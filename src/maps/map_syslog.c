/* map_syslog.c - the syslog map class: log the key, answer "".
 *
 * "Kname syslog [-Lpriority] [-D] [-S]": every lookup writes the key
 * (quotes kept) to syslog at the -L priority (LOG_INFO unless given;
 * "ERR", "err" and "LOG_ERR" are the same) and returns the empty
 * string, so rules call it for its side effect.  As in the reference,
 * other flags are reported ("Illegal option x map syslog") and ignored,
 * and an unknown priority leaves the map closed. */
#include "maps/map.h"
#include "maps/map_log.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct { const char *name; int prio; } sl_prios[] = {
	{ "EMERG", LOG_EMERG }, { "ALERT", LOG_ALERT }, { "CRIT", LOG_CRIT },
	{ "ERR", LOG_ERR }, { "WARNING", LOG_WARNING }, { "NOTICE", LOG_NOTICE },
	{ "INFO", LOG_INFO }, { "DEBUG", LOG_DEBUG },
};

static int sl_priority(const char *s)
{
	size_t i;

	if (strncasecmp(s, "LOG_", 4) == 0)
		s += 4;
	for (i = 0; i < sizeof sl_prios / sizeof sl_prios[0]; i++)
		if (strcasecmp(s, sl_prios[i].name) == 0)
			return sl_prios[i].prio;
	return -1;
}

/* one flag of the K line at p (after the '-'); returns the end */
static const char *sl_flag(map_t *m, const char *p, int *prio)
{
	const char *e = p + 1;
	char *word;

	while (*e && *e != ' ' && *e != '\t')
		e++;
	if (*p == 'L') {
		word = xstrndup(p + 1, (size_t)(e - p - 1));
		*prio = sl_priority(word);
		if (*prio < 0) {
			map_conf_error("syslog_map_parseargs: Unknown priority %s", word);
			map_never_opens(m);
		}
		free(word);
	} else if (*p != 'D' && *p != 'S' && *p != 'q')
		map_conf_error("Illegal option %c map syslog", *p);
	return e;
}

/* the generic parser has already taken the flags it knows: read the
 * whole argument text again, as this class accepts only -L -D -S (and -q) */
static int sl_parse_rest(map_t *m, const char *rest)
{
	const char *p = m->args;
	int *prio = xmalloc(sizeof *prio);

	(void)rest;
	*prio = LOG_INFO;
	m->handle = prio;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (p[0] != '-' || p[1] == '\0')
			break;
		p = sl_flag(m, p + 1, prio);
	}
	return 0;
}

static int sl_lookup(map_t *m, const char *key, const char **args, int nargs,
		     buf_t *out, int *stat)
{
	const int *prio = m->handle;

	(void)args; (void)nargs; (void)out;
	*stat = MAP_OK;
	map_log(prio ? *prio : LOG_INFO, "%s", key);
	return 1;
}

static void sl_close(map_t *m)
{
	free(m->handle);
	m->handle = NULL;
}

const map_class_t map_class_syslog = {
	"syslog", NULL, sl_parse_rest, NULL, NULL, sl_lookup, sl_close, MF_KEEPQUOTES
};
