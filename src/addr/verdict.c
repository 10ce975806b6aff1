/* verdict.c - what a policy ruleset (check_mail, check_rcpt, ...,
 * check_compat) returned, as a reply: $#error gives the reply code, the
 * enhanced code and the text ("550 5.7.1 text", "$@ 5.7.1 $: 553 text",
 * or "$@ nouser"-style exit words), $#discard a discard, anything else an
 * acceptance; the exit status a rejection leaves. */
#include "addr/verdict.h"
#include "addr/parseaddr.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

void verdict_init(verdict_t *v)
{
	memset(v, 0, sizeof *v);
	buf_init(&v->text, 8192);
}

void verdict_free(verdict_t *v)
{
	buf_free(&v->text);
}

static bool is_dsn(const char *d)
{
	return isdigit((unsigned char)d[0]) && d[1] == '.' && strlen(d) < 12 &&
	       strspn(d, "0123456789.") == strlen(d);
}

/* the status a rejected address leaves for the process's exit */
static int reject_exitstat(const char *dsn)
{
	if (dsn[0] != '5')
		return 0;
	if (strncmp(dsn, "5.1.1", 5) == 0 || strncmp(dsn, "5.1.3", 5) == 0)
		return EX_NOUSER;
	if (strncmp(dsn, "5.1.8", 5) == 0 || strncmp(dsn, "5.1.2", 5) == 0)
		return EX_NOHOST;
	if (strncmp(dsn, "5.7.", 4) == 0)
		return EX_DATAERR;
	return dsn_to_exitstat(dsn);
}

/* "$@ host" words of $#error that name an exit status instead of a code
 * (the enhanced code then stays the default one) */
static int word_exitstat(const char *w)
{
	static const struct { const char *w; int st; } tab[] = {
		{ "nouser", EX_NOUSER }, { "nohost", EX_NOHOST }, { "usage", EX_USAGE },
		{ "unavailable", EX_UNAVAILABLE }, { "dataerr", EX_DATAERR },
	};
	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (strcasecmp(w, tab[i].w) == 0)
			return tab[i].st;
	return 0;
}

/* fill v from an error's $@ part and its text ("550 msg" or "msg") */
void verdict_error(verdict_t *v, const char *host, const char *text, const char *prefix)
{
	const char *t = text, *d = host != NULL && is_dsn(host) ? host : NULL;
	int code = 0;

	if (isdigit((unsigned char)t[0]) && isdigit((unsigned char)t[1]) &&
	    isdigit((unsigned char)t[2]) && (t[3] == ' ' || t[3] == '\0')) {
		code = atoi(t);
		t += t[3] ? 4 : 3;
		/* "550 5.1.1 text": the enhanced code in the text wins */
		if (isdigit((unsigned char)t[0]) && t[1] == '.') {
			size_t n = strcspn(t, " ");
			static char td[16];
			if (n < sizeof td) {
				memcpy(td, t, n);
				td[n] = '\0';
				if (is_dsn(td)) {
					d = td;
					t += n + (t[n] == ' ');
				}
			}
		}
	}
	v->code_default = code == 0;
	if (code == 0)
		code = d != NULL && d[0] == '4' ? 451 : 553;
	v->dsn_default = d == NULL;
	if (d == NULL)
		d = code / 100 == 4 ? "4.0.0" : "5.0.0";
	v->code = code;
	snprintf(v->dsn, sizeof v->dsn, "%s", d);
	buf_reset(&v->text);
	if (prefix != NULL && code / 100 == 5)
		buf_printf(&v->text, "%s... ", prefix);
	buf_adds(&v->text, t);
	v->exitstat = reject_exitstat(v->dsn);
	if (code / 100 == 5 && host != NULL && !is_dsn(host) && word_exitstat(host))
		v->exitstat = word_exitstat(host);
}

/* text of tokens with the quotes taken off */
static void unquoted(const tok_t *t, size_t n, buf_t *out)
{
	buf_t raw = BUF_INIT(8192);
	cataddr(t, n, ' ', &raw);
	for (const char *p = buf_str(&raw); *p; p++)
		if (*p != '"')
			buf_addc(out, *p);
	buf_free(&raw);
}

void verdict_from_result(const tokvec_t *tv, const char *prefix, verdict_t *v)
{
	size_t at = tv->n, colon = tv->n;
	buf_t host = BUF_INIT(256), text = BUF_INIT(8192);

	if (tv->n < 2 || tv->v[0].op != OP_NET || tv->v[1].op != OP_WORD)
		return;
	if (strcasecmp(tv->v[1].s, "discard") == 0) {
		v->discard = true;
		return;
	}
	if (strcasecmp(tv->v[1].s, "error") != 0)
		return;
	for (size_t i = 2; i < tv->n; i++) {
		if (tv->v[i].op == OP_HOST && at == tv->n)
			at = i;
		else if (tv->v[i].op == OP_USER && colon == tv->n)
			colon = i;
	}
	if (at < tv->n)
		cataddr(tv->v + at + 1, (colon < tv->n ? colon : tv->n) - at - 1, 0, &host);
	if (colon < tv->n)
		unquoted(tv->v + colon + 1, tv->n - colon - 1, &text);
	verdict_error(v, at < tv->n ? buf_str(&host) : NULL, buf_str(&text), prefix);
	buf_free(&host);
	buf_free(&text);
}

