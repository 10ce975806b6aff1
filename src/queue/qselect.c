/* qselect.c - the queue-run selections -qI/-qR/-qS/-qQ (and -q!X): parsing
 * the -q argument and matching an entry against them. */
#include "queue/queue.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void add_to(char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

int qselect_add(qselect_t *sel, const char *arg)
{
	bool neg = arg[0] == '!';
	const char *p = arg + neg;

	switch (*p) {
	case 'I':
		add_to(&sel->ids, &sel->nids, p + 1);
		sel->not_ids |= neg;
		return 1;
	case 'R':
		add_to(&sel->rcpts, &sel->nrcpts, p + 1);
		sel->not_rcpts |= neg;
		return 1;
	case 'S':
		add_to(&sel->senders, &sel->nsenders, p + 1);
		sel->not_senders |= neg;
		return 1;
	case 'Q':
		sel->quarantined = true;
		if (p[1] != '\0' || neg) {
			add_to(&sel->quar, &sel->nquar, p + 1);
			sel->not_quar |= neg;
		}
		return 1;
	default:
		return 0;
	}
}

static void free_vec(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void qselect_free(qselect_t *sel)
{
	free_vec(sel->ids, sel->nids);
	free_vec(sel->rcpts, sel->nrcpts);
	free_vec(sel->senders, sel->nsenders);
	free_vec(sel->quar, sel->nquar);
	memset(sel, 0, sizeof *sel);
}

/* does text contain one of the strings? */
static bool any_in(const char *text, char **v, size_t n, bool icase)
{
	if (text == NULL)
		text = "";
	for (size_t i = 0; i < n; i++) {
		if ((icase ? strcasestr(text, v[i]) : strstr(text, v[i])) != NULL)
			return true;
	}
	return false;
}

/* one kind of selection over one text: absent kinds select everything */
static bool kind_ok(const char *text, char **v, size_t n, bool neg, bool icase)
{
	return n == 0 || any_in(text, v, n, icase) != neg;
}

static bool rcpts_ok(const qselect_t *sel, const envelope_t *e)
{
	if (sel->nrcpts == 0)
		return true;
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next) {
		if (kind_ok(r->addr, sel->rcpts, sel->nrcpts, sel->not_rcpts, true))
			return true;
	}
	return false;
}

bool qselect_match(const qselect_t *sel, const char *qid, const envelope_t *e)
{
	if (sel == NULL)
		return true;
	return kind_ok(qid, sel->ids, sel->nids, sel->not_ids, false) &&
	       kind_ok(e->sender, sel->senders, sel->nsenders, sel->not_senders, true) &&
	       kind_ok(e->quarantine, sel->quar, sel->nquar, sel->not_quar, true) &&
	       rcpts_ok(sel, e);
}
