/* mailer_prog.c - delivery through a mailer program (local, prog, any
 * P=/path mailer): the argv expanded for the recipient, the user it runs
 * as (the mailer's U=, none for S-flag mailers such as the local one, the
 * controlling user of a program or file, DefaultUser for alias entries),
 * the message written to it, the exit status mapped as the reference
 * does. */
#include "deliver/deliver_int.h"
#include "lib/pwcache.h"
#include "lib/xalloc.h"
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#define MF(m, c) ((m)->flags[(unsigned char)(c)] != 0)

/* define the per-recipient macros the A= and D= templates use */
static void set_macros(dctx_t *d, mailer_t *m, drcpt_t *to, const char *home)
{
	buf_t g = BUF_INIT(0);
	const char *fn = env_get_macro(d->e, "x");

	const char *u = to->a.user ? to->a.user : "";

	sender_for(d, m, &g);
	/* the prog mailer gets the command without its "|" ("smrsh -c
	 * 'vacation bob'"), as the reference passes it */
	if (u[0] == '|' && strcmp(m->name, "prog") == 0)
		u++;
	mac_define(&d->cf->mac, 'u', u);
	mac_define(&d->cf->mac, 'h', to->a.host ? to->a.host : "");
	mac_define(&d->cf->mac, 'g', buf_str(&g));
	mac_define(&d->cf->mac, 'f', buf_str(&g));
	mac_define(&d->cf->mac, 'i', d->e->qid);
	mac_define(&d->cf->mac, 'z', home ? home : "");
	if (fn != NULL)
		mac_define(&d->cf->mac, 'x', fn);
	buf_free(&g);
}

/* the sender came with the message (MAIL FROM), as with -f */
static bool received_by_smtp(const envelope_t *e)
{
	const char *r = env_get_macro(e, "r");
	return r != NULL && strstr(r, "SMTP") != NULL;
}

static char **build_argv(dctx_t *d, mailer_t *m)
{
	char *a = xstrdup(m->argv ? m->argv : ""), *save = NULL, *w;
	char **v = NULL;
	size_t n = 0, cap = 0;

	for (w = strtok_r(a, " \t", &save); w != NULL; w = strtok_r(NULL, " \t", &save)) {
		buf_t b = BUF_INIT(0);
		cf_expand(d->cf, w, &b);
		v = xgrow(v, &cap, n + 4, sizeof *v);
		v[n++] = buf_steal(&b);
		/* F=f / F=r: "-f $g" / "-r $g" after argv[0] when the sender
		 * was given or comes from the queue (a report's too, unless the
		 * submitting process delivers it) */
		if (n == 1 && (MF(m, 'f') || MF(m, 'r')) &&
		    (d->o->from_flag || d->o->queue_run || received_by_smtp(d->e) ||
		     (d->e->dsn_depth > 0 && !d->o->submitter)) &&
		    mac_get(&d->cf->mac, 'g') != NULL &&
		    *mac_get(&d->cf->mac, 'g')) {
			v[n++] = xstrdup(MF(m, 'f') ? "-f" : "-r");
			v[n++] = xstrdup(mac_get(&d->cf->mac, 'g'));
		}
	}
	if (n == 0) {
		v = xgrow(v, &cap, 2, sizeof *v);
		v[n++] = xstrdup(m->path ? m->path : "");
	}
	v[n] = NULL;
	free(a);
	return v;
}

static void free_argv(char **v)
{
	size_t i;
	for (i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/* the ids the mailer runs as */
static void mailer_ids(dctx_t *d, mailer_t *m, drcpt_t *to, mexec_t *x)
{
	uid_t duid = (uid_t)opt_num(&d->cf->opt, OPT_DefaultUser);
	gid_t dgid = (gid_t)opt_num(&d->cf->opt, OPT_DefaultGroup);

	x->setids = getuid() == 0 || geteuid() == 0;
	if (MF(m, 'S')) {
		x->setids = false;
		return;
	}
	if (m->uid >= 0) {
		x->uid = (uid_t)m->uid;
		x->gid = m->gid >= 0 ? (gid_t)m->gid : dgid;
	} else if (to->have_ctl && to->ctl.uid != 0 && !(to->ctl.uid == duid && to->ctl.gid == 0)) {
		x->uid = to->ctl.uid;
		x->gid = to->ctl.gid;
	} else if (!to->have_ctl && d->sender_local && d->sender_uid != 0) {
		x->uid = d->sender_uid;
		x->gid = d->sender_gid;
	} else {
		x->uid = duid;
		x->gid = dgid;
	}
}

static int sink_pipe(void *arg, const char *s, size_t n)
{
	return mailer_write(arg, s, n);
}

/* the stat= text of a temporary failure names the mailer */
static void tempfail_text(mailer_t *m, attempt_t *a)
{
	buf_t b = BUF_INIT(0);
	buf_printf(&b, "Deferred: %s mailer (%s) exited with EX_TEMPFAIL", m->name,
		   m->path ? m->path : "");
	env_set_str(&a->stat, buf_str(&b));
	buf_free(&b);
}

static int run_one(dctx_t *d, mailer_t *m, drcpt_t *to, attempt_t *a)
{
	mexec_t x;
	mproc_t p;
	buf_t text = BUF_INIT(MAILER_TEXT_MAX + 1), dir = BUF_INIT(0);
	struct passwd *pw;
	int st;

	memset(&x, 0, sizeof x);
	mailer_ids(d, m, to, &x);
	pw = to->have_ctl && to->ctl.user ? pwc_getpwnam(to->ctl.user) : NULL;
	set_macros(d, m, to, pw ? pw->pw_dir : NULL);
	cf_expand(d->cf, m->dir ? m->dir : "/", &dir);
	x.path = m->path;
	x.argv = build_argv(d, m);
	x.dir = buf_str(&dir);
	x.nice = m->nice;
	x.timeout = MAILER_TIMEOUT;
	a->ran = true;
	a->start = time(NULL);
	if (mailer_start(&x, &p) < 0)
		st = EX_OSERR;
	else {
		msg_write(d, m, to, sink_pipe, &p);
		st = mailer_finish(&p, &text);
	}
	attempt_set_exit(a, st, buf_str(&text));
	if (st == EX_TEMPFAIL)
		tempfail_text(m, a);
	free_argv(x.argv);
	buf_free(&text);
	buf_free(&dir);
	return st;
}

void deliver_prog(dctx_t *d, drcpt_t **to, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		mailer_t *m = to[i]->a.mailer;
		dverbose(d, "%s... Connecting to %s...", shown_addr(to[i]->r->addr), m->name);
		run_one(d, m, to[i], &to[i]->att);
	}
}
