/* rcpts.c - the recipients of a submission (see rcpts.h). */
#include "submit/rcpts.h"
#include "lib/pwcache.h"
#include "addr/header.h"
#include "addr/parseaddr.h"
#include "aliases/aliases.h"
#include "aliases/alias_expand.h"
#include "deliver/deliver.h"
#include "log/log.h"
#include "lib/buf.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "rewrite/scan.h"
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <time.h>

bool rcpt_notify_flags(const char *notify, letterset_t *out)
{
	*out = 0;
	if (notify == NULL) {
		letter_set(out, RF_NOTIFY_FAIL, true);
		letter_set(out, RF_NOTIFY_DELAY, true);
		return true;
	}
	letter_set(out, RF_HAS_NOTIFY, true);
	if (strcasecmp(notify, "never") == 0)
		return true;
	for (const char *p = notify; *p;) {
		size_t n = strcspn(p, ",");
		if (n == 7 && strncasecmp(p, "success", 7) == 0)
			letter_set(out, RF_NOTIFY_SUCC, true);
		else if (n == 7 && strncasecmp(p, "failure", 7) == 0)
			letter_set(out, RF_NOTIFY_FAIL, true);
		else if (n == 5 && strncasecmp(p, "delay", 5) == 0)
			letter_set(out, RF_NOTIFY_DELAY, true);
		else
			return false;
		p += n;
		if (*p == ',')
			p++;
	}
	return true;
}

/* "RFC822; user@host": comments and angle brackets off, $j added */
void rcpt_final(const cf_t *cf, const char *addr, buf_t *out)
{
	tokvec_t tv;
	arena_t ar;
	buf_t a = BUF_INIT(4096);
	size_t b = 0, n;

	tv_init(&tv);
	arena_init(&ar);
	buf_adds(out, "RFC822; ");
	if (addr_scan(NULL, addr, &tv, &ar, false) == 0) {
		n = tv.n;
		for (size_t i = 0; i < tv.n; i++)
			if (strcmp(tv.v[i].s, "<") == 0) {
				b = i + 1;
				for (n = b; n < tv.n && strcmp(tv.v[n].s, ">") != 0; n++)
					;
				break;
			}
		cataddr(tv.v + b, n - b, 0, &a);
	} else
		buf_adds(&a, addr);
	buf_adds(out, buf_str(&a));
	if (strchr(buf_str(&a), '@') == NULL)
		buf_printf(out, "@%s", mac_get(&cf->mac, 'j') ? mac_get(&cf->mac, 'j') : "localhost");
	buf_free(&a);
	tv_free(&tv);
	arena_free(&ar);
}

static bool same_rcpt(const envelope_t *e, const char *addr)
{
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		if (strcmp(r->addr, addr) == 0)
			return true;
	return false;
}

/* a local user is known when the alias database or passwd has the name */
bool rcpt_local_known(const addr_t *a)
{
	buf_t v = BUF_INIT(0);
	buf_t key = BUF_INIT(1024);
	int st = 0;
	bool known;

	if (a->user == NULL || *a->user == '\0')
		return false;
	buf_set(&key, a->user);
	sm_lower(key.p ? key.p : (char *)"");
	known = alias_lookup(buf_str(&key), &v, &st) > 0 || pwc_getpwnam(a->user) != NULL;
	buf_free(&v);
	buf_free(&key);
	return known;
}

static void note_bad(int *bad, int *st, int status)
{
	(*bad)++;
	if (*st == EX_OK)
		*st = status;
}

/* a recipient refused at submission stays in the envelope as failed (no
 * R line): logged as the reference logs it (the complaint at notice, a
 * to= line with pri=0 before the from= line) and noted for the error
 * report (dead.letter or a bounce, src/dsn) */
static rcpt_t *refuse(cf_t *cf, envelope_t *e, const char *text, letterset_t flags,
		      const char *user, int status, const char *msg)
{
	attempt_t at;
	rcpt_t *r = env_add_rcpt(e, text, flags);
	buf_t fin = BUF_INIT(4096);

	attempt_init(&at);
	attempt_set_exit(&at, status, NULL);
	if (msg != NULL)
		env_set_str(&at.stat, msg);
	if (status == EX_NOUSER)
		env_set_str(&at.reply, "550 5.1.1 User unknown");
	sm_log(4, LOG_NOTICE, "%s... %s", text, at.stat ? at.stat : "");
	r->state = RS_FAILED;
	rcpt_final(cf, text, &fin);
	r->final = xstrdup(buf_str(&fin));
	env_set_str(&r->mailer, "local");
	env_set_str(&r->user, user);
	env_set_str(&r->status, at.dsn);
	env_set_str(&r->statmsg, at.stat);
	env_set_str(&e->msg, at.stat);
	if (status == EX_NOUSER)
		deliver_log_ctl(e, text, NULL, "local", &at, time(NULL));
	dsn_queue_bounce(cf, e, r, &at, 'f');
	attempt_free(&at);
	buf_free(&fin);
	return r;
}

/* the tokenizer's complaints ("Unbalanced '<'") go to the submitter and
 * to the log; true when there was one (the address goes on, repaired, and
 * the submission ends with 64 as the reference's) */
static bool syntax_check(FILE *tty, const char *text)
{
	bool complained = false;
	tokvec_t tv;
	arena_t ar;
	char *said = NULL;
	size_t len = 0;
	FILE *mf = open_memstream(&said, &len);

	tv_init(&tv);
	arena_init(&ar);
	addr_scan(mf, text, &tv, &ar, true);
	if (mf != NULL && fclose(mf) == 0 && said != NULL) {
		for (char *l = said, *nl; *l; l = nl) {
			nl = l + strcspn(l, "\n");
			if (*nl == '\n')
				*nl++ = '\0';
			if (tty != NULL)
				fprintf(tty, "%s\n", l);
			sm_log(4, LOG_NOTICE, "%s", l);
			complained = true;
		}
	}
	free(said);
	tv_free(&tv);
	arena_free(&ar);
	return complained;
}

/* check one address; true when it may be queued (*mailer: its mailer's
 * number, which orders the recipients); a refused one is kept failed */
static bool check_one(cf_t *cf, envelope_t *e, FILE *tty, const char *text, letterset_t flags,
		      int *bad, int *st, int *mailer, char **host)
{
	addr_t a;
	buf_t t = BUF_INIT(0);
	bool ok = true;

	memset(&a, 0, sizeof a);
	if (syntax_check(tty, text) && *st == EX_OK)
		*st = EX_USAGE;
	if (parseaddr(cf, NULL, text, RF_RECIPADDR, &a) < 0) {
		note_bad(bad, st, EX_USAGE);
		ok = false;
	} else if (a.mailer == NULL) {
		const char *msg = alias_error_text(a.user, &t);
		int xs = a.exitstat ? a.exitstat : EX_UNAVAILABLE;
		if (tty != NULL)
			fprintf(tty, "%s... %s\n", text, msg);
		note_bad(bad, st, xs);
		refuse(cf, e, text, flags, a.user, xs, msg)->unparsed = true;
		ok = false;
	} else if (strcmp(a.mailer->name, "local") == 0 && !rcpt_local_known(&a) &&
		   (localaddr_resolve(cf, &a) == 0 ||
		    (strcmp(a.mailer->name, "local") == 0 && !rcpt_local_known(&a)))) {
		if (tty != NULL)
			fprintf(tty, "%s... User unknown\n", text);
		note_bad(bad, st, EX_NOUSER);
		refuse(cf, e, text, flags, a.user, EX_NOUSER, NULL);
		ok = false;
	}
	*mailer = ok ? a.mailer->index : -1;
	*host = ok && a.host != NULL ? xstrdup(a.host) : NULL;
	buf_free(&t);
	addr_free(&a);
	return ok;
}

void rcpt_add_list(cf_t *cf, envelope_t *e, FILE *tty, const char *list, letterset_t flags,
		   int *bad, int *st)
{
	size_t n;
	char **v = alias_split_list(list, &n);
	buf_t fin = BUF_INIT(4096);
	int m;
	char *host;

	/* the members of one list are queued last first, as the reference does */
	for (size_t i = n; i-- > 0;) {
		char *t = sm_trim(v[i]);
		if (*t != '\0' && same_rcpt(e, t))
			e->dup_rcpts++;
		else if (*t != '\0' && check_one(cf, e, tty, t, flags, bad, st, &m, &host)) {
			rcpt_t *r = env_add_rcpt(e, t, flags);
			buf_reset(&fin);
			rcpt_final(cf, t, &fin);
			r->final = xstrdup(buf_str(&fin));
			r->mailer_index = m;
			r->host = host;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	buf_free(&fin);
}

/* the reference queues recipients ordered by host (local deliveries, which
 * have none, first), otherwise in the order they were added */
static int rcpt_order(const rcpt_t *a, const rcpt_t *b)
{
	return strcmp(a->host ? a->host : "", b->host ? b->host : "");
}

/* merge two sorted lists, a's entries first among equals */
static rcpt_t *merge(rcpt_t *a, rcpt_t *b)
{
	rcpt_t *head = NULL, **tail = &head;

	while (a != NULL && b != NULL) {
		rcpt_t **from = rcpt_order(a, b) <= 0 ? &a : &b;
		*tail = *from;
		tail = &(*from)->next;
		*from = (*from)->next;
	}
	*tail = a != NULL ? a : b;
	return head;
}

/* a stable merge sort (a message may have 10,000 recipients): runs of
 * one, two, four, ... entries merged pairwise in one array of lists */
void rcpt_sort(envelope_t *e)
{
	rcpt_t *bins[64] = { NULL };
	rcpt_t *r, *sorted = NULL;
	size_t i;

	while ((r = e->rcpts) != NULL) {
		e->rcpts = r->next;
		r->next = NULL;
		for (i = 0; i < 63 && bins[i] != NULL; i++) {
			r = merge(bins[i], r);
			bins[i] = NULL;
		}
		bins[i] = bins[i] == NULL ? r : merge(bins[i], r);
	}
	for (i = 0; i < 64; i++)
		if (bins[i] != NULL)
			sorted = merge(bins[i], sorted);
	e->rcpts = sorted;
	e->rcpts_tail = &e->rcpts;
	while (*e->rcpts_tail != NULL)
		e->rcpts_tail = &(*e->rcpts_tail)->next;
}

void rcpt_add_from_header(cf_t *cf, envelope_t *e, FILE *tty, letterset_t flags, int *bad,
			  int *st)
{
	bool resent = false;

	for (hdr_t *h = e->hdrs; h != NULL; h = h->next)
		if ((h->flags & H_RESENT) && (h->flags & H_USER))
			resent = true;
	for (hdr_t *h = e->hdrs; h != NULL; h = h->next) {
		if (!(h->flags & H_USER) || !(h->flags & H_RCPT))
			continue;
		if (resent != ((h->flags & H_RESENT) != 0))
			continue;
		rcpt_add_list(cf, e, tty, h->value, flags, bad, st);
	}
}
