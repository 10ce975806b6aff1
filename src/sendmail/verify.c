/* verify.c - -bv: resolve each recipient and say where it would go.
 * Problems are reported as addresses are read; the deliverable list
 * follows, grouped by host as the reference's send queue orders it.
 * (Alias and .forward expansion join when the local delivery agent
 * lands.) */
#include "sendmail/init.h"
#include "addr/parseaddr.h"
#include "rewrite/scan.h"
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

typedef struct elem {
	char *text;
	size_t seq;
} elem_t;

/* Each argument is a comma-separated list.  The reference's send queue
 * lists a list's members last first, arguments in order. */
static elem_t *split_lists(const sm_args_t *a, size_t *n)
{
	elem_t *v = NULL;
	size_t cap = 0;
	int k;

	*n = 0;
	for (k = 0; k < a->nrcpts; k++) {
		const char *p = a->rcpts[k];
		size_t idx = 0;
		for (;;) {
			scanner_t sc;
			tokvec_t tv;
			arena_t ar;
			const char *s = p, *e;

			memset(&sc, 0, sizeof sc);
			sc.mode = SCAN_EXT;
			sc.delim = ',';
			tv_init(&tv);
			arena_init(&ar);
			scan_address(&sc, p, &tv, &ar);
			e = sc.stop ? sc.stop : p + strlen(p);
			while (s < e && (*s == ' ' || *s == '\t'))
				s++;
			if (e > s) {
				v = xgrow(v, &cap, *n + 1, sizeof *v);
				v[*n].text = xstrndup(s, (size_t)(e - s));
				v[*n].seq = (size_t)k * 100000 + (99999 - idx++);
				(*n)++;
			}
			tv_free(&tv);
			arena_free(&ar);
			if (*e != ',')
				break;
			p = e + 1;
		}
	}
	return v;
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
	vrcpt_t *ok;
	elem_t *elems;
	size_t nok = 0, i, nelems;
	int k;

	if (a->nrcpts == 0) {
		printf("Recipient names must be specified\n");
		return EX_USAGE;
	}
	elems = split_lists(a, &nelems);
	ok = xcalloc(nelems + 1, sizeof *ok);
	for (k = 0; k < (int)nelems; k++) {
		vrcpt_t *v = &ok[nok];
		v->input = elems[k].text;
		v->seq = elems[k].seq;
		if (parseaddr(cf, NULL, v->input, RF_RECIPADDR, &v->a) < 0) {
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
	for (i = 0; i < nelems; i++)
		free(elems[i].text);
	free(elems);
	return sm_exitstat;
}
