/* dsn_body.c - the text of a report in the reference's layout: the
 * human-readable part (warning box, arrival, the addresses, the
 * transcript), the message/delivery-status part (per-message then
 * per-recipient fields, RFC 3464), and the returned message or only its
 * header (message/rfc822 or text/rfc822-headers); without MIME the old
 * plain layout with "Original message follows". */
#include "dsn/dsn.h"
#include "addr/parseaddr.h"
#include "conf/macro.h"
#include "queue/queue.h"
#include <stdio.h>
#include <string.h>

#define MF(m, c) ((m)->flags[(unsigned char)(c)] != 0)

void sm_arpadate(time_t t, char *buf, size_t sz);

static void add_date(buf_t *b, const char *label, time_t t)
{
	char d[64];
	sm_arpadate(t, d, sizeof d);
	buf_printf(b, "%s%s\n", label, d);
}

static const char *jhost(const cf_t *cf)
{
	const char *j = mac_get(&cf->mac, 'j');
	return j != NULL ? j : "localhost";
}

static bool listed(const rcpt_t *r, const dsn_req_t *q)
{
	return r->dsn_due == q->kind;
}

static void warning_box(buf_t *b)
{
	buf_adds(b, "    **********************************************\n"
		    "    **      THIS IS A WARNING MESSAGE ONLY      **\n"
		    "    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **\n"
		    "    **********************************************\n\n");
}

/* "(expanded from: team)": the alias (or address whose .forward) the
 * recipient's C line names */
static void expanded_from(const rcpt_t *r, buf_t *b)
{
	const char *a;
	if (r->ctl == NULL)
		return;
	a = strrchr(r->ctl, ':');
	if (a != NULL && a[1] != '\0')
		buf_printf(b, "    (expanded from: %s)\n", a + 1);
}

static void address_list(const envelope_t *e, const dsn_req_t *q, buf_t *b)
{
	const rcpt_t *r;

	if (q->kind == DSN_DELAY)
		return;
	buf_adds(b, q->kind == DSN_RECEIPT
		    ? "   ----- The following addresses had successful delivery notifications -----\n"
		    : "   ----- The following addresses had permanent fatal errors -----\n");
	for (r = e->rcpts; r != NULL; r = r->next) {
		if (!listed(r, q))
			continue;
		if (q->kind == DSN_RECEIPT) {
			buf_printf(b, "%s  (successfully delivered to mailbox)\n", r->addr);
			continue;
		}
		buf_printf(b, "%s\n", r->addr);
		if (r->reason != NULL && !q->expired)
			buf_printf(b, "    (reason: %s)\n", r->reason);
		expanded_from(r, b);
	}
	buf_addc(b, '\n');
}

static void human_part(const envelope_t *e, const dsn_req_t *q, buf_t *b)
{
	const char *relay = env_get_macro(e, "_");
	char d[64];

	if (q->kind == DSN_DELAY)
		warning_box(b);
	sm_arpadate(e->ctime, d, sizeof d);
	buf_printf(b, "The original message was received at %s\n", d);
	if (relay != NULL)
		buf_printf(b, "from %s\n", relay);
	if (q->to_postmaster)
		buf_printf(b, "with id %s\n", e->qid);
	buf_addc(b, '\n');
	address_list(e, q, b);
	buf_adds(b, "   ----- Transcript of session follows -----\n");
	if (e->xscript != NULL)
		buf_adds(b, e->xscript);
	buf_addc(b, '\n');
}

/* an address as a DSN names it: comments and angle brackets dropped,
 * qualified with $j; programs and files are X-Unix */
static void actual(const cf_t *cf, const char *addr, buf_t *b)
{
	buf_t a = BUF_INIT(4096);
	const char *p = addr;
	size_t n;

	if (*p == '"' && (p[1] == '|' || p[1] == '/')) {
		buf_add(&a, p + 1, strlen(p + 1) - (p[strlen(p) - 1] == '"' ? 1 : 0));
		buf_printf(b, "X-Unix; %s", buf_str(&a));
		buf_free(&a);
		return;
	}
	if (*p == '|' || *p == '/') {
		buf_printf(b, "X-Unix; %s", p);
		buf_free(&a);
		return;
	}
	if (*p == '<')
		p++;
	n = strcspn(p, "> (");
	buf_add(&a, p, n);
	if (strchr(buf_str(&a), '@') == NULL)
		buf_printf(&a, "@%s", jhost(cf));
	buf_printf(b, "rfc822; %s", buf_str(&a));
	buf_free(&a);
}

static void final_rcpt(const cf_t *cf, const rcpt_t *r, buf_t *b)
{
	buf_t a = BUF_INIT(4096);

	if (r->final != NULL) {
		buf_printf(b, "Final-Recipient: %s\n", r->final);
	} else {
		actual(cf, r->addr, &a);
		buf_printf(b, "Final-Recipient: RFC822; %s\n", strchr(buf_str(&a), ' ') + 1);
	}
	buf_free(&a);
}

static const char *action_of(const rcpt_t *r, const dsn_req_t *q)
{
	(void)r;
	if (q->kind == DSN_RECEIPT)
		return "delivered (to mailbox)";
	return q->kind == DSN_DELAY ? "delayed" : "failed";
}

/* the Status: field; a program's exit status reads as the reference's */
static void status_of(const rcpt_t *r, const dsn_req_t *q, buf_t *b)
{
	const char *s = r->status != NULL ? r->status : "5.0.0";

	if (q->kind == DSN_RECEIPT)
		s = "2.1.5";
	else if (q->expired)
		s = "4.4.7";
	if (q->kind == DSN_FAILURE && !q->expired && r->diag != NULL &&
	    strncmp(r->diag, "X-Unix; ", 8) == 0 &&
	    strspn(r->diag + 8, "0123456789") == strlen(r->diag + 8))
		buf_printf(b, "Status: %c.5.0\n", s[0]);
	else
		buf_printf(b, "Status: %s\n", s);
}

/* X-Actual-Recipient: a local user as user@$j, others as addressed */
static void actual_rcpt(const cf_t *cf, const rcpt_t *r, buf_t *b)
{
	buf_adds(b, "X-Actual-Recipient: ");
	if (r->mailer != NULL && strcmp(r->mailer, "local") == 0 && r->user != NULL &&
	    *r->user && r->user[0] != '|' && r->user[0] != '/')
		buf_printf(b, "rfc822; %s@%s", r->user, jhost(cf));
	else
		actual(cf, r->addr, b);
}

static void rcpt_fields(const cf_t *cf, const envelope_t *e, const rcpt_t *r,
			const dsn_req_t *q, buf_t *b)
{
	buf_addc(b, '\n');
	if (r->orcpt != NULL)
		buf_printf(b, "Original-Recipient: %s\n", r->orcpt);
	final_rcpt(cf, r, b);
	actual_rcpt(cf, r, b);
	buf_printf(b, "\nAction: %s\n", action_of(r, q));
	status_of(r, q, b);
	if (r->relay != NULL && q->kind != DSN_RECEIPT) {
		/* the host name without its trailing dot */
		int n = (int)strcspn(r->relay, " ");
		if (n > 1 && r->relay[n - 1] == '.')
			n--;
		buf_printf(b, "Remote-MTA: DNS; %.*s\n", n, r->relay);
	}
	if (r->diag != NULL && q->kind == DSN_FAILURE && !q->expired)
		buf_printf(b, "Diagnostic-Code: %s\n", r->diag);
	add_date(b, "Last-Attempt-Date: ", r->tried ? r->tried : q->now);
	if (q->kind == DSN_DELAY && q->return_secs > 0)
		add_date(b, "Will-Retry-Until: ", e->ctime + q->return_secs);
}

static void status_part(const cf_t *cf, const envelope_t *e, const dsn_req_t *q, buf_t *b)
{
	const char *s = env_get_macro(e, "s");

	buf_adds(b, "Content-Type: message/delivery-status\n\n");
	if (e->envid != NULL)
		buf_printf(b, "Original-Envelope-Id: %s\n", e->envid);
	buf_printf(b, "Reporting-MTA: dns; %s\n", jhost(cf));
	/* the reference names the sending MTA only in a report made by the
	 * process that received the message, not in one from a queue run */
	if (!q->queue_run && s != NULL && env_get_macro(e, "r") != NULL &&
	    *env_get_macro(e, "r"))
		buf_printf(b, "Received-From-MTA: DNS; %s\n", s);
	add_date(b, "Arrival-Date: ", e->ctime);
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		if (listed(r, q))
			rcpt_fields(cf, e, r, q, b);
	buf_addc(b, '\n');
}

static bool cond_local(const mailer_t *m, const char *cond)
{
	if (cond == NULL || *cond == '\0')
		return true;
	for (const char *c = cond; *c; c++)
		if (m != NULL && MF(m, *c))
			return true;
	return false;
}

/* a stored header value with its late macros: $g is the sender's
 * address as the envelope holds it, without phrase, comment or angle
 * brackets */
static void expand_late(const cf_t *cf, const envelope_t *e, const char *v, buf_t *b)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		char name[2] = { 0, 0 };
		const char *mv;
		if (*p != MACRO_BYTE || p[1] == '\0') {
			buf_addc(b, *p);
			continue;
		}
		name[0] = (char)*++p;
		if (*p == 'g') {
			addr_bare(e->sender ? e->sender : "", b);
			continue;
		}
		mv = env_get_macro(e, name);
		if (mv == NULL)
			mv = mac_get(&cf->mac, *p);
		if (mv != NULL)
			buf_adds(b, mv);
	}
}

/* the original header as the local mailer would get it, addresses as
 * stored */
static void returned_header(cf_t *cf, const envelope_t *e, buf_t *b)
{
	const mailer_t *local = cf_mailer(cf, "local");

	for (const hdr_t *h = e->hdrs; h != NULL; h = h->next) {
		if (!cond_local(local, h->cond))
			continue;
		buf_printf(b, "%s:", h->name);
		if (h->lead != NULL)
			buf_adds(b, h->lead);
		else if (h->value != NULL && *h->value)
			buf_addc(b, ' ');
		expand_late(cf, e, h->value ? h->value : "", b);
		buf_addc(b, '\n');
	}
}

static int returned_body(const envelope_t *e, buf_t *b)
{
	buf_t p = BUF_INIT(4096);
	char chunk[8192];
	size_t n;
	FILE *fp;
	int rc = 0;

	qf_path(&p, e->dfdir ? e->dfdir : e->qdir, 'd', e->qid);
	fp = fopen(buf_str(&p), "r");
	buf_free(&p);
	if (fp == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		if (buf_add(b, chunk, n) != 0) {
			rc = -1;
			break;
		}
	if (ferror(fp))
		rc = -1;
	fclose(fp);
	return rc;
}

static int returned_part(cf_t *cf, const envelope_t *e, const dsn_req_t *q, buf_t *b)
{
	int rc = 0;

	if (q->mime)
		buf_printf(b, "Content-Type: %s\n\n",
			   q->headers_only ? "text/rfc822-headers" : "message/rfc822");
	else
		buf_adds(b, q->headers_only ? "   ----- Message header follows -----\n\n"
					    : "   ----- Original message follows -----\n\n");
	returned_header(cf, e, b);
	if (q->headers_only && !q->mime)
		buf_adds(b, "\n   ----- Message body suppressed -----\n");
	if (!q->headers_only) {
		buf_addc(b, '\n');
		rc = returned_body(e, b);
		if (!q->mime)
			buf_addc(b, '\n');
	}
	if (q->mime && b->len > 0 && b->p[b->len - 1] != '\n')
		buf_addc(b, '\n');
	return rc;
}

int dsn_body(cf_t *cf, const envelope_t *e, const dsn_req_t *q, buf_t *out)
{
	int rc;

	if (!q->mime) {
		human_part(e, q, out);
		rc = returned_part(cf, e, q, out);
		return rc != 0 || out->overflow ? -1 : 0;
	}
	buf_printf(out, "This is a MIME-encapsulated message\n\n--%s\n\n", q->boundary);
	human_part(e, q, out);
	buf_printf(out, "--%s\n", q->boundary);
	status_part(cf, e, q, out);
	buf_printf(out, "--%s\n", q->boundary);
	rc = returned_part(cf, e, q, out);
	/* the reference ends the report with an empty line */
	buf_printf(out, "\n--%s--\n\n", q->boundary);
	return rc != 0 || out->overflow ? -1 : 0;
}
