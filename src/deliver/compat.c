/* compat.c - the cf's check_compat ruleset at delivery: run on
 * "sender $| recipient" (as the envelope holds them) before each
 * recipient's mailer.  $#discard drops the recipient silently; $#error
 * fails it the reference's way (to= with dsn=5.5.2, reply=65, "Data format
 * error", no ctladdr; exit status 65, a queue run's too), after the line
 * "ruleset=check_compat, arg1=..., arg2=..., relay=..., reject=...". */
#include "deliver/deliver_int.h"
#include "addr/parseaddr.h"
#include "addr/verdict.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "rewrite/rewrite.h"
#include <string.h>
#include <sysexits.h>

static void compat_log(dctx_t *d, const char *to, const verdict_t *v)
{
	const char *relay = env_get_macro(d->e, "_");
	buf_t l = BUF_INIT(16384);

	buf_printf(&l, "ruleset=check_compat, arg1=%s, arg2=%s, relay=%s, ", d->e->sender, to,
		   relay != NULL ? relay : "");
	if (v->discard)
		buf_adds(&l, "discard");
	else
		buf_printf(&l, "reject=%d %s %s", v->code, v->dsn, buf_str(&v->text));
	sm_log(LL_MINOR, LOG_NOTICE, "%s", buf_str(&l));
	buf_free(&l);
}

static void run(dctx_t *d, int rs, const char *to, verdict_t *v)
{
	tokvec_t tv;
	arena_t ar;
	rwctx_t cx;

	tv_init(&tv);
	arena_init(&ar);
	if (addr_scan(NULL, d->e->sender ? d->e->sender : "", &tv, &ar, false) == 0 &&
	    (tv_push(&tv, tok_op(OP_CONDELSE, 0)), addr_scan(NULL, to, &tv, &ar, false) == 0)) {
		memset(&cx, 0, sizeof cx);
		cx.cf = d->cf;
		cx.ar = &ar;
		rewrite(&cx, rs, &tv);
		verdict_from_result(&tv, to, v);
	}
	tv_free(&tv);
	arena_free(&ar);
}

static void refuse(dctx_t *d, drcpt_t *x, const verdict_t *v)
{
	attempt_t *a = &x->att;

	attempt_free(a);
	a->exitstat = EX_DATAERR;
	a->dsn = xstrdup("5.5.2");
	a->stat = xstrdup("Data format error");
	a->reply = xstrdup("65");
	a->ran = true;
	a->no_ctl = true;
	a->own_error = true;
	a->start = time(NULL);
	dverbose(d, "%s", buf_str(&v->text));
}

int compat_check(dctx_t *d, drcpt_t *x)
{
	int rs = cf_ruleset_lookup(d->cf, "check_compat");
	int rc = COMPAT_OK;
	verdict_t v;

	if (rs < 0 || d->cf->rs[rs].n == 0)
		return COMPAT_OK;
	verdict_init(&v);
	run(d, rs, x->r->addr, &v);
	if (v.code != 0 || v.discard)
		compat_log(d, x->r->addr, &v);
	if (v.discard)
		rc = COMPAT_DISCARD;
	else if (v.code != 0) {
		refuse(d, x, &v);
		rc = COMPAT_REFUSED;
	}
	verdict_free(&v);
	return rc;
}
