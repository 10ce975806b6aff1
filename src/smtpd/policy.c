/* policy.c - the cf's policy rulesets (check_mail, check_rcpt, ...) run
 * over a command's argument, and address parsing errors, turned into
 * SMTP verdicts: $#error gives the reply code, enhanced code and text,
 * $#discard accepts but drops the message, anything else accepts.
 * Rejections are logged "ruleset=NAME, arg1=..., relay=..., reject=...". */
#include "smtpd/smtpd_int.h"
#include "addr/parseaddr.h"
#include "lib/xalloc.h"
#include "log/log.h"
#include "rewrite/rewrite.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

void verdict_reply(session_t *s, const verdict_t *v)
{
	if (v->code >= 400)
		s->stat_rejected = true;
	smtp_reply(s, true, v->code, v->dsn, "%s", buf_str(&v->text));
}

static void log_check(session_t *s, const char *rsname, const char *arg, const char *arg2,
		      const verdict_t *v)
{
	buf_t l = BUF_INIT(16384);

	buf_printf(&l, "ruleset=%s, arg1=%s", rsname, arg);
	if (arg2 != NULL)
		buf_printf(&l, ", arg2=%s", arg2);
	buf_printf(&l, ", relay=%s, ", buf_str(&s->relay));
	if (v->discard)
		buf_adds(&l, "discard");
	else
		buf_printf(&l, "reject=%d %s %s", v->code, v->dsn, buf_str(&v->text));
	/* the commands outside a transaction log their rejection without the
	 * queue id, as the reference does */
	if (strcmp(rsname, "check_vrfy") == 0 || strcmp(rsname, "check_expn") == 0 ||
	    strcmp(rsname, "check_etrn") == 0)
		sm_log_id(LL_MINOR, LOG_NOTICE, NULL, "%s", buf_str(&l));
	else
		session_log(s, LL_MINOR, LOG_NOTICE, "%s", buf_str(&l));
	buf_free(&l);
}

void policy_log(session_t *s, const char *rsname, const char *arg, const char *arg2,
		const verdict_t *v)
{
	if (v->code != 0 || v->discard)
		log_check(s, rsname, arg, arg2, v);
}

/* rewrite "arg" or "arg $| arg2" with ruleset rs into tv; false if the
 * arguments do not scan */
static bool run_ruleset(session_t *s, int rs, const char *arg, const char *arg2, tokvec_t *tv,
			arena_t *ar)
{
	rwctx_t cx;

	if (addr_scan(NULL, arg, tv, ar, false) != 0 ||
	    (arg2 != NULL && (tv_push(tv, tok_op(OP_CONDELSE, 0)),
			      addr_scan(NULL, arg2, tv, ar, false) != 0)))
		return false;
	memset(&cx, 0, sizeof cx);
	cx.cf = s->cf;
	cx.ar = ar;
	rewrite(&cx, rs, tv);
	return true;
}

static int ruleset_of(const session_t *s, const char *rsname)
{
	int rs = cf_ruleset_lookup(s->cf, rsname);
	return rs >= 0 && s->cf->rs[rs].n > 0 ? rs : -1;
}

void policy_eval(session_t *s, const char *rsname, const char *arg, const char *arg2,
		 verdict_t *v)
{
	int rs = ruleset_of(s, rsname);
	bool addr = strcmp(rsname, "check_mail") == 0 || strcmp(rsname, "check_rcpt") == 0;
	tokvec_t tv;
	arena_t ar;

	if (rs < 0)
		return;
	tv_init(&tv);
	arena_init(&ar);
	if (run_ruleset(s, rs, arg, arg2, &tv, &ar))
		verdict_from_result(&tv, addr ? arg : NULL, v);
	/* a connection refused with neither a reply code nor an enhanced
	 * code gets 553 5.3.0 (with "550 text" it stays 5.0.0) */
	if (v->code / 100 == 5 && v->dsn_default && v->code_default &&
	    strcmp(rsname, "check_relay") == 0)
		snprintf(v->dsn, sizeof v->dsn, "5.3.0");
	tv_free(&tv);
	arena_free(&ar);
}

void policy_check(session_t *s, const char *rsname, const char *arg, const char *arg2,
		  verdict_t *v)
{
	policy_eval(s, rsname, arg, arg2, v);
	policy_log(s, rsname, arg, arg2, v);
}

long policy_number(session_t *s, const char *rsname, const char *arg, const char *arg2)
{
	int rs = ruleset_of(s, rsname);
	long n = -1;
	tokvec_t tv;
	arena_t ar;

	if (rs < 0)
		return -1;
	tv_init(&tv);
	arena_init(&ar);
	if (run_ruleset(s, rs, arg, arg2, &tv, &ar) && tv.n == 2 && tv.v[0].op == OP_NET &&
	    tv.v[1].op == OP_WORD && isdigit((unsigned char)tv.v[1].s[0]))
		n = strtol(tv.v[1].s, NULL, 10);
	tv_free(&tv);
	arena_free(&ar);
	return n;
}

/* the first "text... message" line parseaddr printed */
static void scan_message(const char *printed, const char *text, verdict_t *v)
{
	size_t n = strcspn(printed, "\n");
	v->code = 553;
	snprintf(v->dsn, sizeof v->dsn, "%s",
		 strstr(printed, "token too long") != NULL ? "5.1.0" : "5.0.0");
	buf_reset(&v->text);
	if (n > 0)
		buf_add(&v->text, printed, n);
	else
		buf_printf(&v->text, "%s... Syntax error", text);
}

/* the tokenizer's complaints ("Unbalanced '<'"): the first one refuses */
static bool syntax_ok(const char *text, verdict_t *v)
{
	char *printed = NULL;
	size_t plen = 0;
	FILE *mf = open_memstream(&printed, &plen);
	tokvec_t tv;
	arena_t ar;
	int rc;

	tv_init(&tv);
	arena_init(&ar);
	rc = addr_scan(mf, text, &tv, &ar, true);
	if (mf != NULL)
		fclose(mf);
	if (rc < 0 || (printed != NULL && *printed))
		scan_message(printed != NULL ? printed : "", text, v);
	free(printed);
	tv_free(&tv);
	arena_free(&ar);
	return v->code == 0;
}

void policy_parse(session_t *s, const char *text, unsigned flags, addr_t *a, verdict_t *v)
{
	buf_t t = BUF_INIT(8192);

	if (!syntax_ok(text, v))
		return;
	if (parseaddr(s->cf, NULL, text, flags, a) < 0)
		scan_message("", text, v);
	else if (a->mailer == NULL) {
		/* the user part of $#error keeps its quotes */
		for (const char *p = a->user != NULL ? a->user : ""; *p; p++)
			if (*p != '"')
				buf_addc(&t, *p);
		verdict_error(v, a->host, buf_str(&t), text);
	}
	buf_free(&t);
}

/* the cf's srv_features ruleset (access map Srv_Features:) names the
 * feature letters for this client; true if letter is among them */
bool policy_feature(session_t *s, char letter)
{
	int rs = ruleset_of(s, "srv_features");
	bool on = false;
	tokvec_t tv;
	arena_t ar;

	if (rs < 0)
		return false;
	tv_init(&tv);
	arena_init(&ar);
	if (run_ruleset(s, rs, "x", NULL, &tv, &ar) && tv.n >= 2 && tv.v[0].op == OP_NET)
		for (size_t i = 1; i < tv.n && !on; i++)
			on = tv.v[i].op == OP_WORD && strchr(tv.v[i].s, letter) != NULL;
	tv_free(&tv);
	arena_free(&ar);
	return on;
}
