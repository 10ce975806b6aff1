/* verify.c - -bv: resolve each recipient and say where it would go.
 * Problems are reported as addresses are read; the deliverable list
 * follows, grouped by host as the reference's send queue orders it.
 * (Alias and .forward expansion join when the local delivery agent
 * lands.) */
#include "sendmail/init.h"
#include "addr/parseaddr.h"
#include "lib/exitstat.h"
#include "lib/xalloc.h"
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

typedef struct vrcpt {
	const char *input;
	addr_t a;
	size_t seq;
} vrcpt_t;

static int by_host(const void *x, const void *y)
{
	const vrcpt_t *a = x, *b = y;
	int c = strcmp(a->a.host ? a->a.host : "", b->a.host ? b->a.host : "");
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* a local user must exist (the reference asks the passwd database) */
static bool local_unknown(const addr_t *a)
{
	if (a->mailer == NULL || strcmp(a->mailer->name, "local") != 0)
		return false;
	return a->user == NULL || a->user[0] == '\0' || getpwnam(a->user) == NULL;
}

static void print_ok(const vrcpt_t *v)
{
	const addr_t *a = &v->a;
	if (a->host && *a->host)
		printf("%s... deliverable: mailer %s, host %s, user %s\n", v->input,
		       a->mailer_name, a->host, a->user);
	else
		printf("%s... deliverable: mailer %s, user %s\n", v->input, a->mailer_name, a->user);
}

/* in -bv the first error decides the exit status */
static void first_error(int st)
{
	if (sm_exitstat == EX_OK)
		sm_set_exitstat(st);
}

/* the text of an error mailer's user part: quotes and the leading
 * reply code removed */
static const char *error_message(const char *u, char *buf, size_t sz)
{
	size_t n = 0;
	const char *p = u ? u : "";
	for (; *p && n + 1 < sz; p++)
		if (*p != '"')
			buf[n++] = *p;
	buf[n] = '\0';
	if (n > 4 && buf[0] >= '0' && buf[0] <= '9' && buf[3] == ' ')
		return buf + 4;
	return buf;
}

int sm_verify(cf_t *cf, const sm_args_t *a)
{
	char msgbuf[1024];
	vrcpt_t *ok = xcalloc((size_t)a->nrcpts + 1, sizeof *ok);
	size_t nok = 0, i;
	int k;

	if (a->nrcpts == 0) {
		printf("Recipient names must be specified\n");
		free(ok);
		return EX_USAGE;
	}
	for (k = 0; k < a->nrcpts; k++) {
		vrcpt_t *v = &ok[nok];
		v->input = a->rcpts[k];
		v->seq = (size_t)k;
		if (parseaddr(cf, NULL, a->rcpts[k], RF_RECIPADDR, &v->a) < 0) {
			first_error(EX_USAGE);
			continue;
		}
		if (v->a.mailer == NULL) {
			printf("%s... %s\n", v->input, error_message(v->a.user, msgbuf, sizeof msgbuf));
			first_error(v->a.exitstat ? v->a.exitstat : EX_UNAVAILABLE);
			addr_free(&v->a);
			continue;
		}
		if (local_unknown(&v->a)) {
			printf("%s... User unknown\n", v->input);
			first_error(EX_NOUSER);
			addr_free(&v->a);
			continue;
		}
		nok++;
	}
	qsort(ok, nok, sizeof *ok, by_host);
	for (i = 0; i < nok; i++) {
		print_ok(&ok[i]);
		addr_free(&ok[i].a);
	}
	free(ok);
	return sm_exitstat;
}
