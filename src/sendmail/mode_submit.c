/* mode_submit.c - -bm, the default mode: check the submission flags, read
 * the message from standard input and queue it, then deliver it as the
 * DeliveryMode says (-odq/-odd: leave it queued). */
#include "sendmail/init.h"
#include "sendmail/modes.h"
#include "submit/submit.h"
#include "submit/hops.h"
#include "submit/owner_split.h"
#include "addr/parseaddr.h"
#include "aliases/aliases.h"
#include "dsn/dsn.h"
#include "queue/envelope.h"
#include "log/log.h"
#include "lib/buf.h"
#include "deliver/deliver.h"
#include "queue/queue.h"
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>


/* root, the cf's T lines and TrustedUser may set the sender */
static bool trusted_user(const cf_t *cf, const char *name)
{
	const char *tu = opt_str(&cf->opt, OPT_TrustedUser);

	if (sm_real_uid() == 0 || (tu != NULL && strcmp(tu, name) == 0))
		return true;
	for (size_t i = 0; i < cf->ntrusted; i++)
		if (strcmp(cf->trusted[i], name) == 0)
			return true;
	return false;
}

static bool qdir_on_command_line(const sm_args_t *a)
{
	for (int i = 0; i < a->nopts; i++) {
		const char *o = a->opts[i];
		if (strncasecmp(o, " QueueDirectory", 15) == 0 || o[0] == 'Q')
			return true;
	}
	return false;
}

static bool ignore_dots(const cf_t *cf)
{
	return opt_bool(&cf->opt, OPT_IgnoreDots);
}

static void fill_request(const cf_t *cf, const sm_args_t *a, submit_req_t *r)
{
	const char *qd = opt_str(&cf->opt, OPT_QueueDirectory);

	memset(r, 0, sizeof *r);
	r->sender = a->sender;
	r->fullname = a->fullname;
	r->bodytype = a->bodytype;
	r->notify = a->notify;
	r->ret = a->ret;
	r->envid = a->envid;
	r->argv_rcpts = a->rcpts;
	r->nargv_rcpts = a->nrcpts;
	r->readrcpts = a->readrcpts;
	r->ignoredots = ignore_dots(cf);
	r->verbose = a->verbose;
	r->hops = a->hops;
	r->qdir = qd != NULL && *qd ? qd : "/var/spool/mqueue";
	r->realuser = log_real_user();
	r->trusted = trusted_user(cf, r->realuser);
	if (sm_real_uid() != 0 && a->cf_given)
		r->cf_given = a->cffile;
	if (!r->trusted && qdir_on_command_line(a))
		r->qdir_given = r->qdir;
}

/* -odi: deliver before exiting; -odb (the default): a child delivers
 * while the parent returns; -odq/-odd: the queue run will */
static int delivery_mode(const cf_t *cf)
{
	return (int)opt_num(&cf->opt, OPT_DeliveryMode);
}

/* ErrorMode: p q m w e (the reference takes any letter; others print) */
static int error_mode(const cf_t *cf)
{
	int m = (int)opt_num(&cf->opt, OPT_ErrorMode);
	return m != 0 && strchr("pqmwe", m) != NULL ? m : 'p';
}

static int count_failed(const envelope_t *e)
{
	int n = 0;
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		n += r->state == RS_FAILED;
	return n;
}

/* the exit status of a recipient that failed in the interactive
 * delivery: a remote rejection's (remote: the first failure's status),
 * with -v any failure, otherwise (as the reference) only a mailer's exit
 * status that is no sysexits code */
static int failure_status(const envelope_t *e, int before, bool verbose, int remote)
{
	int n = 0;
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next) {
		if (r->state != RS_FAILED || ++n <= before)
			continue;
		if (r->relay != NULL && remote != 0)   /* a remote rejection */
			return remote;
		/* check_compat refused it (5.5.2, EX_DATAERR): 65, as the reference */
		if (remote == EX_DATAERR && r->status != NULL && strcmp(r->status, "5.5.2") == 0)
			return remote;
		/* a program or a file that failed: its status, as the
		 * reference exits (69 from smrsh, 73 for "Can't create output",
		 * 69 for an exit code outside sysexits: "unknown mailer error") */
		if (remote != 0 && r->mailer != NULL &&
		    (strcmp(r->mailer, "prog") == 0 || strcmp(r->mailer, "*file*") == 0))
			return remote >= EX__BASE && remote <= EX__MAX ? remote : EX_UNAVAILABLE;
		if (r->status != NULL && strcmp(r->status, "5.1.1") == 0 && verbose)
			return EX_NOUSER;
		if (verbose || (r->statmsg != NULL &&
				strncmp(r->statmsg, "unknown mailer error", 20) == 0))
			return EX_UNAVAILABLE;
	}
	return EX_OK;
}

static bool has_queued(const envelope_t *e)
{
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		if (r->state == RS_QUEUED)
			return true;
	return false;
}

/* fd is the qf's lock, held since the qf was committed (-1: no qf, every
 * recipient was refused): no queue runner can start on the message before
 * this process has tried it.  Failures the submitter has to hear about
 * (recipients refused, too many hops) are reported here, the ErrorMode
 * way, unless a background child mails them after its delivery.  Returns
 * the exit status of a failure -v watched (EX_OK none). */
static int deliver_now(cf_t *cf, const sm_args_t *a, envelope_t *e, int fd, int em,
		       bool from_given, clones_t *cl)
{
	int mode = delivery_mode(cf), before = count_failed(e), fail = 0, st;
	deliver_opts_t o;

	memset(&o, 0, sizeof o);
	o.verbose = a->verbose;
	o.from_flag = from_given;
	o.out = stdout;
	o.noalias = a->noalias;
	o.errmode = em;
	o.submitter = true;
	/* -v watches the delivery: the reference makes background delivery
	 * interactive then, so the progress is printed before it exits */
	if ((mode == 'b' && a->verbose) || !has_queued(e))
		mode = 'i';
	/* QueueLA queued it only (no lock handed back): a queue run delivers */
	if (fd < 0 && has_queued(e))
		mode = 'q';
	if (mode != 'i' && mode != 'b') {
		if (before > 0)
			dsn_after_run(cf, e, &o);
		if (fd >= 0)
			close(fd);
		return EX_OK;
	}
	if (mode == 'b') {
		pid_t pid;
		fflush(NULL);
		pid = fork();
		if (pid != 0) {
			/* the parent; after a failed fork the queue run delivers */
			if (fd >= 0)
				close(fd);
			return EX_OK;
		}
		o.errmode = em == 'q' ? 'q' : 'm';   /* no terminal: mail them */
	}
	o.failstat = &fail;   /* -odi exits with a remote rejection */
	deliver_message(cf, e, fd, &o);
	st = failure_status(e, before, a->verbose, fail);
	/* the owner clones split at submission go right after the original,
	 * sent by the owner (F=f mailers get "-f owner") */
	o.from_flag = true;
	for (size_t i = 0; i < cl->n; i++) {
		int kst, kb = count_failed(&cl->v[i]);
		fail = 0;
		deliver_message(cf, &cl->v[i], cl->lockfd[i], &o);
		cl->lockfd[i] = -1;
		kst = failure_status(&cl->v[i], kb, a->verbose, fail);
		if (st == EX_OK)
			st = kst;
	}
	if (mode == 'b') {
		fflush(NULL);
		_exit(EX_OK);
	}
	return st;
}

/* -F: a line break becomes a space (the reference keeps a lone CR) */
static const char *clean_fullname(const char *given, buf_t *out)
{
	if (given == NULL)
		return NULL;
	buf_set(out, given);
	for (size_t i = 0; i < out->len; i++)
		if (out->p[i] == '\n')
			out->p[i] = ' ';
	return buf_str(out);
}

/* -f: CR and LF become spaces; an address the rulesets refuse is
 * reported ("addr... reason"), the caller's name is the sender instead
 * and the exit status becomes EX_USAGE, as the reference does */
static const char *clean_sender(cf_t *cf, const char *given, buf_t *out, int *st)
{
	addr_t a;
	buf_t why = BUF_INIT(0), shown = BUF_INIT(4096);
	int rc;

	if (given == NULL)
		return NULL;
	if (*given == '\0')
		return "<>";    /* -f "": the null sender, as the reference */
	if (strpbrk(given, "\r\n") == NULL)
		return given;   /* checked as before */
	buf_set(out, given);
	for (size_t i = 0; i < out->len; i++)
		if (out->p[i] == '\n')
			out->p[i] = ' ';
	buf_set(&shown, buf_str(out));   /* a lone CR is shown as given */
	for (size_t i = 0; i < out->len; i++)
		if (out->p[i] == '\r')
			out->p[i] = ' ';
	memset(&a, 0, sizeof a);
	rc = parseaddr(cf, NULL, buf_str(out), RF_SENDERADDR, &a);
	if (rc == 0 && a.mailer == NULL)
		printf("%s... %s\n", buf_str(&shown), alias_error_text(a.user, &why));
	buf_free(&why);
	buf_free(&shown);
	if (rc != 0 || a.mailer == NULL) {
		addr_free(&a);
		*st = EX_USAGE;
		return NULL;
	}
	addr_free(&a);
	return buf_str(out);
}

/* -p proto[:host] sets $r and $s; -M x value (or {name}value) any macro */
static void cli_macros(cf_t *cf, const sm_args_t *a)
{
	for (int i = 0; i < a->nmacros; i++) {
		const char *p = a->macros[i];
		int id = macid_parse(&p);
		if (id >= 0)
			mac_define(&cf->mac, id, p);
	}
	if (a->protocol != NULL) {
		const char *colon = strchr(a->protocol, ':');
		buf_t proto = BUF_INIT(1024);
		buf_add(&proto, a->protocol, colon ? (size_t)(colon - a->protocol) : strlen(a->protocol));
		mac_define(&cf->mac, 'r', buf_str(&proto));
		if (colon != NULL)
			mac_define(&cf->mac, 's', colon + 1);
		buf_free(&proto);
	}
}

int sm_mode_submit(cf_t *cf, const sm_args_t *a)
{
	submit_req_t r;
	envelope_t e;
	int st, fd, refused = EX_OK, failed = EX_OK, dst, em = error_mode(cf), usage = EX_OK;
	buf_t fsender = BUF_INIT(4096), ffull = BUF_INIT(4096);
	clones_t cl;

	memset(&cl, 0, sizeof cl);
	cli_macros(cf, a);
	fill_request(cf, a, &r);
	r.sender = clean_sender(cf, a->sender, &fsender, &usage);
	r.fullname = clean_fullname(a->fullname, &ffull);
	if (!submit_check_args(&r))
		return EX_USAGE;
	if (r.bodytype != NULL && !submit_bodytype_ok(r.bodytype)) {
		printf("Illegal body type %s\n", r.bodytype);
		r.bodytype = NULL;
		usage = EX_USAGE;
	}
	log_setup(a->logtag != NULL ? a->logtag : "sendmail",
		  (int)opt_num(&cf->opt, OPT_LogLevel), opt_str(&cf->opt, OPT_LogTarget));
	r.queue_only = delivery_mode(cf) != 'i' && delivery_mode(cf) != 'b';
	r.refused = &refused;
	r.quiet_refusals = em != 'p';
	r.expand_now = delivery_mode(cf) == 'i' || delivery_mode(cf) == 'b';
	r.clones = r.expand_now ? &cl : NULL;
	st = submit_message(cf, &r, stdin, &e, &fd);
	if (st == EX_OK) {
		if (submit_too_many_hops(cf, &e, a->hops))
			failed = EX_UNAVAILABLE;
		dst = deliver_now(cf, a, &e, fd, em, r.sender != NULL, &cl);
		/* some recipients refused: their status even if others went */
		st = refused != EX_OK ? refused : failed != EX_OK ? failed : dst;
		if (st == EX_OK)
			st = usage;
		if (em == 'e')
			st = EX_OK;
	} else if (st == SUBMIT_NOTHING)
		st = a->readrcpts ? usage : EX_USAGE;
	env_free(&e);
	clones_free(&cl);
	buf_free(&fsender);
	buf_free(&ffull);
	return st;
}
