/* conncache.c - connections kept open after a transaction, as the
 * reference's connection cache (ConnectionCacheSize, at least one, idle
 * at most ConnectionCacheTimeout): the next delivery to the same host,
 * port and mailer in this process says RSET and goes on with MAIL
 * ("Using cached ESMTP connection to HOST via MAILER..." with -v); the
 * rest are closed with QUIT when the process ends ("Closing connection
 * to HOST"). */
#include "smtpc/smtpc_int.h"
#include "conf/options.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define NCACHE 4

typedef struct centry {
	bool used;
	ssess_t s;               /* its q is not valid between transactions */
	char host[256];          /* $h it was made for */
	char mailer[64];
	int port;
	char relay[300];
	long quit_timeout, rset_timeout, idle;
	time_t since;
	pid_t pid;               /* a forked child does not use its parent's */
} centry_t;

static centry_t cache[NCACHE];
static bool registered;

static void say_quit(centry_t *c)
{
	sreply_t r;
	smtpc_req_t q;

	if (c->pid != getpid()) {
		/* a forked child: the connection is its parent's */
		close(c->s.c.fd);
		c->used = false;
		return;
	}
	memset(&q, 0, sizeof q);
	q.verbose = c->s.c.verbose;
	c->s.q = &q;
	sreply_init(&r);
	sverbose(&c->s, "Closing connection to %s", c->s.hostname);
	c->s.phase = "QUIT";
	if (sconn_cmd(&c->s, "QUIT", c->quit_timeout, true) == 0)
		(void)sreply_read(&c->s, &r, c->quit_timeout);
	sreply_free(&r);
	sconn_close(&c->s.c);
	buf_free(&c->s.lastcmd);
	c->used = false;
}

void smtpc_close_all(void)
{
	for (size_t i = 0; i < NCACHE; i++)
		if (cache[i].used)
			say_quit(&cache[i]);
}

void conncache_put(ssess_t *s)
{
	smtpc_req_t *q = s->q;
	long size = opt_num(&q->cf->opt, OPT_ConnectionCacheSize);
	size_t slot = NCACHE, i;

	if (size < 1)
		size = 1;
	for (i = 0; i < NCACHE && i < (size_t)size; i++)
		if (!cache[i].used) {
			slot = i;
			break;
		}
	if (slot == NCACHE) {
		slot = 0;    /* the oldest makes room */
		for (i = 1; i < NCACHE && i < (size_t)size; i++)
			if (cache[i].since < cache[slot].since)
				slot = i;
		say_quit(&cache[slot]);
	}
	centry_t *c = &cache[slot];
	memset(c, 0, sizeof *c);
	c->used = true;
	c->s = *s;
	c->s.q = NULL;
	snprintf(c->host, sizeof c->host, "%s", q->host);
	snprintf(c->mailer, sizeof c->mailer, "%s", q->mailer);
	snprintf(c->relay, sizeof c->relay, "%s", buf_str(&q->relay));
	c->port = q->port;
	c->quit_timeout = smtpc_timeout(q->cf, OPT_Timeout_quit);
	c->rset_timeout = smtpc_timeout(q->cf, OPT_Timeout_rset);
	c->idle = opt_num(&q->cf->opt, OPT_ConnectionCacheTimeout);
	c->since = time(NULL);
	c->pid = getpid();
	if (!registered)
		registered = atexit(smtpc_close_all) == 0;
}

/* a cached connection for q, RSET and ready for MAIL: 0; -1 none */
int conncache_take(smtpc_req_t *q, ssess_t *s)
{
	for (size_t i = 0; i < NCACHE; i++) {
		centry_t *c = &cache[i];
		sreply_t r;
		bool ok;

		if (!c->used || c->pid != getpid() || c->port != q->port ||
		    strcasecmp(c->host, q->host) != 0 || strcmp(c->mailer, q->mailer) != 0)
			continue;
		if (c->idle > 0 && time(NULL) - c->since > c->idle) {
			say_quit(c);
			continue;
		}
		*s = c->s;
		c->used = false;
		s->q = q;
		s->c.verbose = q->verbose;
		s->xs_header = false;
		sreply_init(&r);
		s->phase = "RSET";
		ok = sconn_cmd(s, "RSET", c->rset_timeout, true) == 0 &&
		     sreply_read(s, &r, c->rset_timeout) == 0 && r.code / 100 == 2;
		sreply_free(&r);
		if (!ok) {
			sconn_close(&s->c);
			buf_free(&s->lastcmd);
			return -1;
		}
		buf_set(&q->relay, c->relay);
		q->connected = true;
		sverbose(s, "%s... Using cached %sSMTP connection to %s via %s...", q->vaddrs,
			 s->ext != 0 || q->esmtp ? "E" : "", s->hostname, q->mailer);
		return 0;
	}
	return -1;
}
