/* submit.c - queueing a message submitted on the command line (see
 * submit.h).  Order of work: a queue id, the df created and filled by
 * collect and fsynced, the envelope built (sender, header, recipients,
 * priority), the qf committed (tf, fsync, rename); only then is the
 * message reported accepted and logged. */
#include "submit/submit.h"
#include "lib/pwcache.h"
#include "submit/collect.h"
#include "submit/headers.h"
#include "submit/rcpts.h"
#include "submit/owner_split.h"
#include "addr/header.h"
#include "lib/buf.h"
#include "lib/addrtext.h"
#include "lib/crashpoint.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "queue/queue.h"
#include "deliver/deliver.h"
#include "addr/parseaddr.h"
#include "stats/stats.h"
#include "daemon/loadavg.h"
#include <ctype.h>
#include <pwd.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

void sm_arpadate(time_t t, char *buf, size_t sz);

bool submit_bodytype_ok(const char *bodytype)
{
	return strcasecmp(bodytype, "7BIT") == 0 || strcasecmp(bodytype, "8BITMIME") == 0;
}

bool submit_check_args(const submit_req_t *r)
{
	letterset_t fl;
	bool ok = true;

	if (r->notify != NULL && !rcpt_notify_flags(r->notify, &fl)) {
		printf("Invalid -N argument\n");
		ok = false;
	}
	if (r->ret != NULL && strcasecmp(r->ret, "full") != 0 && strcasecmp(r->ret, "hdrs") != 0) {
		printf("Invalid -R value\n");
		ok = false;
	}
	if (r->envid != NULL && !xtext_valid(r->envid)) {
		printf("Invalid syntax in -V flag\n");
		ok = false;
	}
	return ok;
}

/* the per-message macros the H lines use: $i $a $b $t $x $f $g $u */
static void message_macros(cf_t *cf, const envelope_t *e, const char *sender,
			   const char *fullname, int nrcpts, const char *onercpt)
{
	char date[64], stamp[32];
	struct tm tm;

	sm_arpadate(e->ctime, date, sizeof date);
	gmtime_r(&e->ctime, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d%H%M", &tm);
	mac_define(&cf->mac, 'i', e->qid);
	mac_define(&cf->mac, 'a', date);
	mac_define(&cf->mac, 'b', date);
	mac_define(&cf->mac, 't', stamp);
	mac_define(&cf->mac, 'f', sender);
	mac_define(&cf->mac, 'g', sender);
	mac_define(&cf->mac, 'x', fullname && *fullname ? fullname : NULL);
	mac_define(&cf->mac, 'u', nrcpts == 1 ? onercpt : NULL);
}

/* the sender as the envelope keeps it */
typedef struct sender {
	const char *given;   /* S line: -f text or the caller's name */
	buf_t addr;          /* without angle brackets: $f, $g ("" for <>) */
	buf_t auth;          /* A line ("" for none) */
	buf_t fullname;      /* $x */
} sender_t;

/* "Bob Q. Example,,," -> up to the first comma, & -> the login name */
static void gecos_name(const struct passwd *pw, buf_t *out)
{
	for (const char *p = pw->pw_gecos; p && *p && *p != ','; p++) {
		if (*p == '&') {
			buf_addc(out, toupper((unsigned char)pw->pw_name[0]));
			buf_adds(out, pw->pw_name + 1);
		} else
			buf_addc(out, *p);
	}
}

static void sender_fullname(cf_t *cf, sender_t *s, const submit_req_t *r)
{
	addr_t a;

	if (r->fullname != NULL) {
		/* -F text with specials is quoted wherever $x stands */
		hdr_quote_phrase(r->fullname, &s->fullname);
		return;
	}
	if (s->addr.len == 0)
		return;
	memset(&a, 0, sizeof a);
	if (parseaddr(cf, NULL, buf_str(&s->addr), RF_SENDERADDR, &a) == 0 &&
	    a.mailer != NULL && strcmp(a.mailer->name, "local") == 0 && a.user != NULL) {
		struct passwd *pw = pwc_getpwnam(a.user);
		if (pw != NULL)
			gecos_name(pw, &s->fullname);
	}
	addr_free(&a);
}

/* the -f of a user who may not set the sender is kept but not trusted:
 * no A line, and a warning field (authwarnings) */
static bool untrusted_sender(const submit_req_t *r)
{
	return r->sender != NULL && !r->trusted && strcmp(r->sender, r->realuser) != 0;
}

static bool authwarnings(const cf_t *cf)
{
	const char *p = opt_str(&cf->opt, OPT_PrivacyOptions);
	return p != NULL && (strcasestr(p, "authwarnings") != NULL || strcasestr(p, "goaway") != NULL);
}

/* X-Authentication-Warning: fields, as the reference adds them */
static size_t auth_warnings(const cf_t *cf, const submit_req_t *r, char *out[5])
{
	const char *j = mac_get(&cf->mac, 'j') ? mac_get(&cf->mac, 'j') : "localhost";
	buf_t b = BUF_INIT(4096);
	size_t n = 0;

	if (!authwarnings(cf))
		return 0;
	if (untrusted_sender(r)) {
		buf_printf(&b, "X-Authentication-Warning: %s: %s set sender to %s using -f", j,
			   r->realuser, r->sender);
		out[n++] = buf_steal(&b);
	}
	if (r->qdir_given != NULL) {
		buf_printf(&b, "X-Authentication-Warning: %s: Processed from queue %s", j,
			   r->qdir_given);
		out[n++] = buf_steal(&b);
	}
	if (r->cf_given != NULL) {
		buf_printf(&b, "X-Authentication-Warning: %s: Processed by %s with -C %s", j,
			   r->realuser, r->cf_given);
		out[n++] = buf_steal(&b);
	}
	for (size_t i = 0; i < r->nwarnings && n < 5; i++) {
		buf_printf(&b, "X-Authentication-Warning: %s", r->warnings[i]);
		out[n++] = buf_steal(&b);
	}
	buf_free(&b);
	return n;
}

static void sender_init(cf_t *cf, sender_t *s, const submit_req_t *r)
{
	const char *g = r->sender != NULL ? r->sender : r->realuser;
	const char *j = mac_get(&cf->mac, 'j');

	buf_init(&s->addr, 4096);
	buf_init(&s->auth, 4096);
	buf_init(&s->fullname, 1024);
	s->given = g;
	strip_angles(g, &s->addr);
	if (s->addr.len > 0 && !untrusted_sender(r) && !r->smtp) {
		buf_adds(&s->auth, buf_str(&s->addr));
		if (strchr(buf_str(&s->addr), '@') == NULL)
			buf_printf(&s->auth, "@%s", j != NULL ? j : "localhost");
	}
	sender_fullname(cf, s, r);
}

static void sender_free(sender_t *s)
{
	buf_free(&s->addr);
	buf_free(&s->auth);
	buf_free(&s->fullname);
}

/* the reference counts the recipients refused at submission too */
static int count_rcpts(const envelope_t *e)
{
	int n = 0;
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		n += r->state == RS_QUEUED || (r->state == RS_FAILED && !r->unparsed);
	return n;
}

static int count_failed(const envelope_t *e)
{
	int n = 0;
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		n += r->state == RS_FAILED;
	return n;
}

/* -odq: the reference expands aliases before it writes the qf (C lines,
 * A-flagged recipients); the counts and the priority follow */
static void expand_before_queueing(cf_t *cf, const submit_req_t *r, envelope_t *e,
				   const collect_t *c)
{
	deliver_opts_t o;

	long prio = e->prio;
	int failed = count_failed(e);

	memset(&o, 0, sizeof o);
	o.out = stdout;
	o.verbose = r->verbose;
	o.errmode = r->quiet_refusals ? 'q' : 'p';
	o.at_submission = !r->smtp;   /* over SMTP: answered at RCPT instead */
	e->prio = 0;            /* the failures' to= lines say pri=0 */
	deliver_expand(cf, e, &o);
	e->prio = prio;
	/* an expansion that failed counts as a refused recipient */
	if (count_failed(e) > failed && r->refused != NULL && *r->refused == EX_OK)
		*r->refused = EX_NOUSER;
	e->nrcpts = count_rcpts(e);
	e->prio = c->size + opt_num(&cf->opt, OPT_RecipientFactor) * e->nrcpts -
		  opt_num(&cf->opt, OPT_ClassFactor) * e->msgclass;
}

/* the message class from Precedence: (P lines); a negative class means
 * bounces return only the headers (F letter n), as the reference does */
static void message_class(const cf_t *cf, envelope_t *e)
{
	const hdr_t *h = env_find_hdr(e, "Precedence");
	buf_t v = BUF_INIT(256);
	bool found;

	if (h == NULL)
		return;
	buf_add(&v, h->value, strcspn(h->value, " \t\n;("));
	e->msgclass = cf_prec_class(cf, buf_str(&v), &found);
	if (e->msgclass < 0)
		letter_set(&e->eflags, EF_NO_BODY, true);
	buf_free(&v);
}

/* F letters, B, Z, A, the saved macros and the priority */
static void envelope_fields(cf_t *cf, envelope_t *e, const submit_req_t *r,
			    const sender_t *s, const collect_t *c)
{
	letter_set(&e->eflags, EF_SPLIT, true);
	for (const hdr_t *h = e->hdrs; h != NULL; h = h->next)
		if ((h->flags & H_USER) && (h->flags & H_RCPT) && !(h->flags & H_BCC))
			letter_set(&e->eflags, EF_BCC, true);
	message_class(cf, e);
	if (r->ret != NULL) {
		letter_set(&e->eflags, EF_RET_PARAM, true);
		letter_set(&e->eflags, EF_NO_BODY, strcasecmp(r->ret, "hdrs") == 0);
	}
	if (r->bodytype != NULL) {
		buf_t b = BUF_INIT(64);
		buf_adds(&b, r->bodytype);
		for (size_t i = 0; i < b.len; i++)
			b.p[i] = (char)toupper((unsigned char)b.p[i]);
		env_set_str(&e->bodytype, buf_str(&b));
		e->ef_8bit = strcmp(buf_str(&b), "8BITMIME") == 0;
		if (r->smtp && e->ef_8bit && !c->body8bit) {
			/* over SMTP the reference queues a 7-bit body as 7BIT */
			env_set_str(&e->bodytype, "7BIT");
			e->ef_8bit = false;
		}
		buf_free(&b);
	}
	env_set_str(&e->envid, r->envid);
	env_set_str(&e->sender, s->given);
	env_set_str(&e->auth, s->auth.len ? buf_str(&s->auth) : NULL);
	env_set_macro(e, "_", mac_get(&cf->mac, '_'));
	if (mac_get(&cf->mac, 'r') != NULL)
		env_set_macro(e, "r", mac_get(&cf->mac, 'r'));
	if (mac_get(&cf->mac, 's') != NULL)
		env_set_macro(e, "s", mac_get(&cf->mac, 's'));
	env_set_macro(e, "{daemon_flags}", "c u");
	e->nrcpts = count_rcpts(e);
	e->msgsize = c->size;
	e->bodysize = c->bodysize;
	e->prio = c->size + opt_num(&cf->opt, OPT_RecipientFactor) * e->nrcpts -
		  opt_num(&cf->opt, OPT_ClassFactor) * e->msgclass;
}

static void log_accepted(cf_t *cf, const envelope_t *e)
{
	const hdr_t *mid = env_find_hdr(e, "Message-Id");
	buf_t l = BUF_INIT(8192);

	buf_printf(&l, "from=%s, size=%ld, class=%ld, nrcpts=%d", e->sender, e->msgsize,
		   e->msgclass, e->nrcpts);
	if (mid != NULL)
		buf_printf(&l, ", msgid=%s", mid->value + strspn(mid->value, " \t"));
	if (e->bodytype != NULL)
		buf_printf(&l, ", bodytype=%s", e->bodytype);
	if (mac_get(&cf->mac, 'r') != NULL)
		buf_printf(&l, ", proto=%s", mac_get(&cf->mac, 'r'));
	/* set by the daemon for its connections (src/sendmail/mode_daemon.c) */
	if (mac_get(&cf->mac, macid("daemon_name")) != NULL)
		buf_printf(&l, ", daemon=%s", mac_get(&cf->mac, macid("daemon_name")));
	buf_printf(&l, ", relay=%s", mac_get(&cf->mac, '_') ? mac_get(&cf->mac, '_') : "");
	sm_log_id(LL_STATS, LOG_INFO, e->qid, "%s", buf_str(&l));
	buf_free(&l);
}

static void log_queued(const envelope_t *e)
{
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next) {
		if (r->state != RS_QUEUED)
			continue;
		sm_log_id(LL_DEFER, LOG_INFO, e->qid,
			  "to=%s, delay=00:00:00, mailer=%s, pri=%ld, stat=queued", r->addr,
			  r->mailer != NULL ? r->mailer : "local", e->prio);
	}
}

/* a full file system: the reference's words, and its exit status 71 */
static bool no_space(int err)
{
	return err == ENOSPC || err == EDQUOT;
}

/* the df: created, filled by collect, fsynced; *dflock keeps its lock
 * until the qf is committed (a queue run takes an unlocked df without qf
 * for one a dead process left, see queue_clean_orphans) */
static int read_body(const submit_req_t *r, envelope_t *e, FILE *in, size_t maxhdr,
		     bool dosync, collect_t *c, int *dflock)
{
	int fd = df_create(r->qdir, e->qid);
	FILE *df;
	int rc;

	if (fd < 0) {
		printf("cannot create %s/df%s: %s\n", r->qdir, e->qid, strerror(errno));
		return EX_CANTCREAT;
	}
	df = fdopen(fd, "w");
	if (df == NULL) {
		close(fd);
		return EX_OSERR;
	}
	*dflock = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	crashpoint("df-created");
	rc = collect_message(in, df, r->ignoredots, maxhdr, c);
	crashpoint("df-written");
	/* the fsync deferred to the qf's commit (qsync.c), after fflush */
	qsync_drop();
	if (rc == 0 && dosync && (fflush(df) != 0 || qsync_defer(fd) != 0))
		rc = -1, c->werr = errno;
	crashpoint("df-synced");
	if (fclose(df) != 0 && rc == 0)
		rc = -1, c->werr = errno;
	if (rc != 0) {
		if (no_space(c->werr))
			printf("%s\n", SUBMIT_NOSPACE_TEXT);
		printf("collect: Cannot write %s/df%s: %s\n", r->qdir, e->qid, strerror(c->werr));
		return no_space(c->werr) ? EX_OSERR : EX_TEMPFAIL;
	}
	return EX_OK;
}

/* recipients: the command line's, then the header's with -t */
static int gather_rcpts(cf_t *cf, const submit_req_t *r, envelope_t *e, int *bad)
{
	letterset_t fl;
	int st = EX_OK;

	rcpt_notify_flags(r->notify, &fl);
	letter_set(&fl, RF_PRIMARY, true);
	for (int i = 0; i < r->nargv_rcpts; i++)
		rcpt_add_list(cf, e, r->quiet_refusals ? NULL : stdout, r->argv_rcpts[i], fl, bad,
			      &st);
	if (r->readrcpts)
		rcpt_add_from_header(cf, e, r->quiet_refusals ? NULL : stdout, fl, bad, &st);
	rcpt_sort(e);
	return st;
}

/* $u: the first recipient, queued or refused */
static const char *first_rcpt(const envelope_t *e)
{
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		if (r->state == RS_QUEUED || r->state == RS_FAILED)
			return r->addr;
	return NULL;
}

static int build_envelope(cf_t *cf, const submit_req_t *r, envelope_t *e, collect_t *c)
{
	sender_t s;
	int bad = 0, st;
	bool none;

	hdr_add_user(e, c->hdrs, c->nhdrs);
	st = r->smtp ? EX_OK : gather_rcpts(cf, r, e, &bad);
	if (r->refused != NULL)
		*r->refused = st;
	none = e->rcpts == NULL && bad == 0;
	if (none)
		printf(r->readrcpts ? "No recipient addresses found in header\n"
				    : "Recipient names must be specified\n");
	sender_init(cf, &s, r);
	/* $u (Received: "for"): with -t the reference takes it from the
	 * command line's recipients alone, as they stood before the header
	 * was read: none (the usual "sendmail -t -i") gives no "for" */
	if (r->readrcpts)
		message_macros(cf, e, buf_str(&s.addr), buf_str(&s.fullname), r->nargv_rcpts,
			       r->nargv_rcpts == 1 ? r->argv_rcpts[0] : NULL);
	else
		message_macros(cf, e, buf_str(&s.addr), buf_str(&s.fullname),
			       count_rcpts(e) + e->dup_rcpts, first_rcpt(e));
	{
		char *warn[5];
		size_t nw = auth_warnings(cf, r, warn);
		hdr_add_defaults(e, cf, warn, nw);
		while (nw > 0)
			free(warn[--nw]);
	}
	envelope_fields(cf, e, r, &s, c);
	sender_free(&s);
	if (none)
		return SUBMIT_NOTHING;
	/* none left: st; one refused is still reported (dead.letter) */
	return first_rcpt(e) == NULL ? st : EX_OK;
}

bool submit_supersafe(const cf_t *cf)
{
	const char *v = opt_str(&cf->opt, OPT_SuperSafe);
	return v == NULL || !(strchr("fFnN0", v[0]) != NULL);
}

/* the from= line names the body type the client declared */
static void log_bodytype(const submit_req_t *r, envelope_t *e, char **saved)
{
	*saved = NULL;
	if (r->smtp && r->bodytype != NULL && e->bodytype != NULL &&
	    strcasecmp(r->bodytype, e->bodytype) != 0) {
		*saved = e->bodytype;
		e->bodytype = xstrdup(r->bodytype);
		for (char *p = e->bodytype; *p; p++)
			*p = (char)toupper((unsigned char)*p);
	}
}

/* the clones of -odq owner lists: committed after the original's qf;
 * on failure the ones written stay queued (each is a whole message) */
static int commit_clones(const submit_req_t *r, envelope_t *e, clones_t *cl, bool sync)
{
	for (size_t i = 0; i < cl->n; i++)
		if (owner_commit(e, &cl->v[i], sync, r->clones != NULL ? &cl->lockfd[i] : NULL) != 0) {
			printf("cannot write %s/qf%s: %s\n", r->qdir, cl->v[i].qid, strerror(errno));
			return EX_TEMPFAIL;
		}
	return EX_OK;
}

static void log_clones(const envelope_t *e, const clones_t *cl, bool queued)
{
	for (size_t i = 0; i < cl->n; i++) {
		sm_log_id(LL_DEFER, LOG_INFO, e->qid, "%s: clone: owner=%s", cl->v[i].qid,
			  cl->v[i].sender);
		if (queued)
			log_queued(&cl->v[i]);
	}
}

/* QueueLA: a message too expensive for the load average is queued only
 * (-v names each recipient "queued"); no lock is handed back to deliver */
static void la_queued(const submit_req_t *r, const envelope_t *e, int *lockfd)
{
	if (*lockfd >= 0)
		close(*lockfd);
	*lockfd = -1;
	for (const rcpt_t *p = e->rcpts; r->verbose && p != NULL; p = p->next)
		if (p->state == RS_QUEUED)
			printf("%s... queued\n", p->addr);
}

int submit_commit(cf_t *cf, const submit_req_t *r, envelope_t *e, collect_t *c, int *lockfd)
{
	bool sync = submit_supersafe(cf), queue_orig = true, keep_df = false;
	int st = build_envelope(cf, r, e, c);
	bool la_only = st == EX_OK && !r->queue_only && la_shouldqueue(cf, e->prio);
	bool qonly = r->queue_only || la_only;
	clones_t cl;
	char *saved;

	*lockfd = -1;
	memset(&cl, 0, sizeof cl);
	if (st == SUBMIT_NOTHING) {
		(void)queue_unlink(r->qdir, 'd', e->qid);
		log_accepted(cf, e);
		return st;
	}
	if (st == EX_OK && r->refuse) {
		(void)queue_unlink(r->qdir, 'd', e->qid);
		log_accepted(cf, e);
		return EX_OK;
	}
	if (st == EX_OK && (qonly || r->expand_now)) {
		expand_before_queueing(cf, r, e, c);
		owner_split(e, &cl);
		queue_orig = cl.n == 0 || env_has_queued(e);
	}
	/* every recipient refused: no qf, the df stays for the error report */
	if (st == EX_OK && !env_has_queued(e) && cl.n == 0) {
		queue_orig = false;
		keep_df = true;
	}
	if (st == EX_OK && queue_orig && qf_write(e, sync, lockfd) != 0) {
		int err = errno;
		/* a qf renamed into place whose directory entry could not
		 * be made durable is not committed: not left for a queue run */
		(void)queue_unlink(r->qdir, 'q', e->qid);
		if (no_space(err))
			printf("%s\n", SUBMIT_NOSPACE_TEXT);
		printf("cannot write %s/qf%s: %s\n", r->qdir, e->qid, strerror(err));
		st = no_space(err) ? EX_OSERR : EX_TEMPFAIL;
		queue_orig = false;
	}
	if (st == EX_OK)
		st = commit_clones(r, e, &cl, sync);
	/* a df kept without any qf (for the error report) is on disk too */
	if (st == EX_OK && qsync_flush() != 0)
		st = EX_TEMPFAIL;
	/* the df goes unless the original's qf holds it (the clones link it) */
	if ((!queue_orig && !keep_df) || (st != EX_OK && *lockfd < 0))
		(void)queue_unlink(r->qdir, 'd', e->qid);
	if (st != EX_OK) {
		clones_free(&cl);
		return st;
	}
	crashpoint("submit-committed");
	log_bodytype(r, e, &saved);
	log_accepted(cf, e);
	stats_note_from(cf, e->sender, e->msgsize);
	stats_flush_cf(cf);
	if (saved != NULL) {
		free(e->bodytype);
		e->bodytype = saved;
	}
	if (qonly)
		log_queued(e);
	log_clones(e, &cl, qonly);
	if (la_only)
		la_queued(r, e, lockfd);
	if (r->clones != NULL && !la_only) {
		*r->clones = cl;   /* the caller delivers them */
		return EX_OK;
	}
	clones_free(&cl);
	return EX_OK;
}

int submit_message(cf_t *cf, const submit_req_t *r, FILE *in, envelope_t *e, int *lockfd)
{
	collect_t c;
	bool sync = submit_supersafe(cf);
	int st, dflock = -1;

	env_init(e);
	e->ctime = time(NULL);
	qid_new(e->qid, e->ctime);
	env_set_str(&e->qdir, r->qdir);
	log_set_qid(e->qid);
	*lockfd = -1;
	st = read_body(r, e, in, (size_t)opt_num(&cf->opt, OPT_MaxHeadersLength), sync, &c,
		       &dflock);
	/* MinFreeBlocks, for the header read (the reference checks there) */
	if (st == EX_OK && !submit_space_ok(cf, r->qdir, c.size - c.bodysize, "SMTP-DAEMON", e->qid)) {
		printf("%s\n", SUBMIT_NOSPACE_TEXT);
		st = EX_TEMPFAIL;
	}
	if (st == EX_OK)
		st = submit_commit(cf, r, e, &c, lockfd);
	else
		(void)queue_unlink(r->qdir, 'd', e->qid);
	collect_free(&c);
	if (dflock >= 0)
		close(dflock);
	return st;
}
