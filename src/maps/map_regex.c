/* map_regex.c - the regex map class: the K line's pattern matched
 * against the key with POSIX regcomp/regexec.
 *
 * "Kname regex [-n] [-b] [-f] [-s[N,M..]] [-dDELIM] [-m] [-a...] PATTERN":
 * -n inverts the match, -b uses basic expressions (extended otherwise),
 * -f makes the match case sensitive, -s returns the key and the
 * parenthesised substrings (or only those numbered N,M..) joined by
 * DELIM (default the $| operator byte; "-d " joins them directly), -m
 * returns the key.  Otherwise a match returns the empty string (then
 * the -a text).  The pattern is the rest of the line, blanks included;
 * an empty one matches everything.  A bad pattern, or a -s list naming
 * a substring the pattern lacks, is reported at K line time and the
 * map never opens. */
#include "maps/map.h"
#include "lib/xalloc.h"
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#define RX_MAXSUB  32          /* substrings the reference can report */
#define RX_DELIM   "\233"      /* the $| operator as a byte */

typedef struct rxh {
	regex_t re;
	bool compiled, negate, basic, subs;
	char *sublist;             /* -s argument, "" for all */
	char *delim;               /* -d argument, NULL for $| */
	int fields[RX_MAXSUB];
	int nfields;               /* 0: every substring */
} rxh_t;

static rxh_t *rx_handle(map_t *m)
{
	if (m->handle == NULL)
		m->handle = xcalloc(1, sizeof(rxh_t));
	return m->handle;
}

/* the text of a flag up to the next blank */
static char *rx_word(const char **pp)
{
	const char *s = *pp, *e = s;

	while (*e && *e != ' ' && *e != '\t')
		e++;
	*pp = e;
	return xstrndup(s, (size_t)(e - s));
}

static int rx_flag(map_t *m, int f, const char **pp)
{
	rxh_t *h = rx_handle(m);

	switch (f) {
	case 'n': h->negate = true; return 0;
	case 'b': h->basic = true; return 0;
	case 's':
		h->subs = true;
		free(h->sublist);
		h->sublist = rx_word(pp);
		return 0;
	case 'd':
		free(h->delim);
		h->delim = rx_word(pp);
		return 0;
	default:
		return -1;
	}
}

/* the -s list: every number must name a substring of the pattern */
static int rx_fields(rxh_t *h, int nsubs)
{
	const char *p = h->sublist;

	h->nfields = 0;
	while (p && *p) {
		long v = strtol(p, (char **)&p, 10);
		if (v < 0 || v >= nsubs) {
			map_conf_error("field (%ld) out of range, only %d substrings in pattern",
				       v, nsubs);
			return -1;
		}
		if (h->nfields < RX_MAXSUB)
			h->fields[h->nfields++] = (int)v;
		while (*p && (*p < '0' || *p > '9'))
			p++;
	}
	return 0;
}

static int rx_parse_rest(map_t *m, const char *rest)
{
	rxh_t *h = rx_handle(m);
	int cflags = (h->basic ? 0 : REG_EXTENDED) |
		     ((m->flags & MF_NOFOLDCASE) ? 0 : REG_ICASE) |
		     (h->subs ? 0 : REG_NOSUB);
	char err[256];
	int rc = regcomp(&h->re, rest, cflags);

	if (rc != 0) {
		regerror(rc, &h->re, err, sizeof err);
		map_conf_error("pattern-compile-error: %s", err);
		map_never_opens(m);
		return 0;
	}
	h->compiled = true;
	if (h->subs && h->re.re_nsub + 1 >= RX_MAXSUB) {
		map_conf_error("too many substrings, %d max", RX_MAXSUB);
		map_never_opens(m);
	} else if (h->subs && rx_fields(h, (int)h->re.re_nsub + 1) < 0)
		map_never_opens(m);
	return 0;
}

/* the selected substrings of key, joined by the delimiter */
static void rx_join(const rxh_t *h, const char *key, const regmatch_t *pm,
		    buf_t *out)
{
	int n = h->nfields ? h->nfields : (int)h->re.re_nsub + 1, i;

	for (i = 0; i < n; i++) {
		int f = h->nfields ? h->fields[i] : i;
		if (i > 0)
			buf_adds(out, h->delim ? h->delim : RX_DELIM);
		if (pm[f].rm_so >= 0)
			buf_add(out, key + pm[f].rm_so, (size_t)(pm[f].rm_eo - pm[f].rm_so));
	}
}

static int rx_lookup(map_t *m, const char *key, const char **args, int nargs,
		     buf_t *out, int *stat)
{
	rxh_t *h = m->handle;
	regmatch_t pm[RX_MAXSUB];
	buf_t val = BUF_INIT(0);
	bool hit;

	*stat = MAP_OK;
	if (h == NULL || !h->compiled)
		return 0;
	hit = regexec(&h->re, key, h->subs ? RX_MAXSUB : 0, h->subs ? pm : NULL, 0) == 0;
	if (hit == h->negate)
		return 0;
	if (m->flags & MF_MATCHONLY)
		buf_adds(&val, key);
	else if (h->subs && !h->negate)
		rx_join(h, key, pm, &val);
	map_rewrite(m, buf_str(&val), val.len, key, args, nargs, out);
	buf_free(&val);
	return 1;
}

static void rx_close(map_t *m)
{
	rxh_t *h = m->handle;

	if (h->compiled)
		regfree(&h->re);
	free(h->sublist);
	free(h->delim);
	free(h);
	m->handle = NULL;
}

const map_class_t map_class_regex = {
	"regex", rx_flag, rx_parse_rest, NULL, NULL, rx_lookup, rx_close,
	MF_KEEPQUOTES
};
