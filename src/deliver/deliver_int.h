/* deliver_int.h - what the files of src/deliver share: a running mailer,
 * the per-recipient state of one delivery run, and the pieces of the
 * delivery loop. */
#ifndef SM_DELIVER_INT_H
#define SM_DELIVER_INT_H
#include "deliver/deliver.h"
#include "addr/parseaddr.h"
#include "lib/buf.h"
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#define MAILER_TEXT_MAX 8192
#define MAILER_TIMEOUT (60 * 60)

/* ------------------------------------------------------------ programs */
typedef struct mexec {
	const char *path;    /* P= */
	char **argv;         /* expanded A= */
	const char *dir;     /* expanded D= list ("/home/bob:/") */
	bool setids;         /* switch to uid/gid (not for S-flag mailers) */
	uid_t uid;
	gid_t gid;
	long nice;
	int timeout;         /* seconds for the whole run */
} mexec_t;

typedef struct mproc {
	pid_t pid;
	int wfd;             /* the mailer's standard input */
	FILE *out;           /* its standard output and error */
	time_t deadline;
	int werr;            /* errno of a failed write, 0 */
	bool timedout;
	size_t wlen;         /* bytes waiting in wbuf */
	char wbuf[8192];     /* the message goes out in pieces this big */
} mproc_t;

int mailer_start(const mexec_t *x, mproc_t *p);
int mailer_write(mproc_t *p, const char *s, size_t n);
/* close the input, wait, collect the text; returns the exit status */
int mailer_finish(mproc_t *p, buf_t *text);

/* ------------------------------------------------------------ run state */
typedef struct drcpt {
	rcpt_t *r;
	addr_t a;            /* resolved (a.mailer NULL: not resolved) */
	bool resolved;
	ctl_t ctl;           /* from the C line or the expansion */
	bool have_ctl;
	char *logctl;        /* ctladdr= text for an expansion failure */
	attempt_t att;
} drcpt_t;

typedef struct dctx {
	cf_t *cf;
	envelope_t *e;
	const deliver_opts_t *o;
	drcpt_t **v;         /* one per recipient of e, in list order */
	size_t n, cap;
	time_t now;
	/* the sender as a controlling user (ctladdr of most lines) */
	bool sender_local;
	uid_t sender_uid;
	gid_t sender_gid;
	char *sender_g;      /* per mailer: computed when needed */
} dctx_t;

void dctx_init(dctx_t *d, cf_t *cf, envelope_t *e, const deliver_opts_t *o);
void dctx_free(dctx_t *d);
drcpt_t *dctx_find(dctx_t *d, const rcpt_t *r);
drcpt_t *dctx_add(dctx_t *d, rcpt_t *r);
void ctl_parse(const char *text, ctl_t *c);
void ctl_free(ctl_t *c);
void ctl_format(const ctl_t *c, buf_t *out);

/* expansion of every queued recipient (expand.c) */
void expand_all(dctx_t *d);
/* .forward of a local user: 1 when it forwarded (children added) */
struct alias_walk;
int expand_forward(dctx_t *d, struct alias_walk *w, const char *input, const addr_t *a);

/* the message as a mailer gets it (msg_write.c) */
typedef int (*sink_fn)(void *arg, const char *s, size_t n);
int msg_write(dctx_t *d, mailer_t *m, drcpt_t *to, sink_fn put, void *arg);
/* $g for mailer m: the sender rewritten by the mailer's rules */
void sender_for(dctx_t *d, mailer_t *m, buf_t *out);

/* deliveries (mailer_prog.c, mailer_file.c) */
void deliver_prog(dctx_t *d, drcpt_t **to, size_t n);
void deliver_file(dctx_t *d, drcpt_t *to);
/* a group of recipients for one [IPC] mailer and host (mailer_smtp.c) */
void deliver_smtp(dctx_t *d, drcpt_t **to, size_t n);
/* the *file* delivery with these ids (setids false: as we are) */
void file_write_as(dctx_t *d, drcpt_t *to, uid_t uid, gid_t gid, bool setids);

/* check_compat before a recipient's delivery (compat.c): COMPAT_REFUSED
 * leaves the failure in x->att for the caller to record */
enum { COMPAT_OK, COMPAT_REFUSED, COMPAT_DISCARD };
int compat_check(dctx_t *d, drcpt_t *x);

/* an address as -v shows it: "\\\\bob" (a quoted \\user) as "\\bob" */
static inline const char *shown_addr(const char *addr)
{
	return addr[0] == '\\' && addr[1] == '\\' ? addr + 1 : addr;
}
/* the -v lines */
void dverbose(dctx_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
