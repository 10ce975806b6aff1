/* mode_submit.c - -bm, the default mode: check the submission flags, read
 * the message from standard input and queue it, then deliver it as the
 * DeliveryMode says (-odq/-odd: leave it queued). */
#include "sendmail/init.h"
#include "sendmail/modes.h"
#include "submit/submit.h"
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

static const char *real_user(void)
{
	static char name[256];
	struct passwd *pw = getpwuid(getuid());
	snprintf(name, sizeof name, "%s", pw != NULL ? pw->pw_name : "root");
	return name;
}

/* root, the cf's T lines and TrustedUser may set the sender */
static bool trusted_user(const cf_t *cf, const char *name)
{
	const char *tu = opt_str(&cf->opt, OPT_TrustedUser);

	if (getuid() == 0 || (tu != NULL && strcmp(tu, name) == 0))
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
	r->realuser = real_user();
	r->trusted = trusted_user(cf, r->realuser);
	if (getuid() != 0 && a->cf_given)
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

/* fd is the qf's lock, held since the qf was committed: no queue runner
 * can start on the message before this process has tried it */
static int deliver_now(cf_t *cf, const sm_args_t *a, envelope_t *e, int fd)
{
	int mode = delivery_mode(cf), fail = 0;
	deliver_opts_t o;

	/* -v watches the delivery: the reference makes background delivery
	 * interactive then, so the progress is printed before it exits */
	if (mode == 'b' && a->verbose)
		mode = 'i';

	if (fd < 0 || (mode != 'i' && mode != 'b')) {
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
	}
	if (fd >= 0) {
		memset(&o, 0, sizeof o);
		o.verbose = a->verbose;
		o.from_flag = a->sender != NULL;
		o.out = stdout;
		o.noalias = a->noalias;
		o.failstat = &fail;   /* -odi exits with a remote rejection */
		deliver_message(cf, e, fd, &o);
	}
	if (mode == 'b') {
		fflush(NULL);
		_exit(EX_OK);
	}
	return fail;
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
	int st, fd;

	cli_macros(cf, a);
	fill_request(cf, a, &r);
	if (!submit_check_args(&r))
		return EX_USAGE;
	if (a->nrcpts == 0 && !a->readrcpts) {
		printf("Recipient names must be specified\n");
		return EX_USAGE;
	}
	log_setup(a->logtag != NULL ? a->logtag : "sendmail",
		  (int)opt_num(&cf->opt, OPT_LogLevel), opt_str(&cf->opt, OPT_LogTarget));
	r.queue_only = delivery_mode(cf) != 'i' && delivery_mode(cf) != 'b';
	st = submit_message(cf, &r, stdin, &e, &fd);
	if (st == EX_OK)
		st = deliver_now(cf, a, &e, fd);
	env_free(&e);
	return st;
}
