/* msg_write.c - the message as a mailer receives it: a "From sender
 * date" line unless the mailer has flag n, the header fields whose ?x?
 * conditions the mailer's flags meet (Bcc: dropped when the envelope says
 * so), late-bound macros ($g: the sender as the mailer's rules rewrite
 * it) expanded, sender and recipient fields rewritten for the mailer,
 * lines ended with E=, then the body from the df with ">From " escaping
 * (E), dot doubling (X) and the eighth bit stripped (7). */
#include "log/xlog.h"
#include "deliver/deliver_int.h"
#include "addr/header.h"
#include "aliases/alias_expand.h"
#include "queue/queue.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MF(m, c) ((m)->flags[(unsigned char)(c)] != 0)

void sender_for(dctx_t *d, mailer_t *m, buf_t *out)
{
	const char *s = d->e->sender ? d->e->sender : "";
	buf_t bare = BUF_INIT(0);
	size_t n;

	while (*s == ' ')
		s++;
	buf_adds(&bare, s);
	n = bare.len;
	if (n >= 2 && bare.p[0] == '<' && bare.p[n - 1] == '>') {
		memmove(bare.p, bare.p + 1, n - 2);
		buf_truncate(&bare, n - 2);
	}
	if (bare.len == 0 && mac_get(&d->cf->mac, 'n') != NULL)
		buf_adds(&bare, mac_get(&d->cf->mac, 'n'));   /* <>: $n, MAILER-DAEMON */
	if (bare.len > 0)
		remotename(d->cf, NULL, buf_str(&bare), m, RF_SENDERADDR | RF_CANONICAL, out);
	buf_free(&bare);
}

/* a stored value: MACRO_BYTE x is macro x, per mailer for $g */
static void expand_late(dctx_t *d, mailer_t *m, const char *v, buf_t *out)
{
	const unsigned char *p;

	for (p = (const unsigned char *)v; *p; p++) {
		const char *mv;
		char name[2] = { 0, 0 };
		if (*p != MACRO_BYTE || p[1] == '\0') {
			buf_addc(out, *p);
			continue;
		}
		name[0] = (char)*++p;
		if (*p == 'g') {
			sender_for(d, m, out);
			continue;
		}
		mv = env_get_macro(d->e, name);
		if (mv == NULL)
			mv = mac_get(&d->cf->mac, (unsigned char)*p);
		if (mv != NULL)
			buf_adds(out, mv);
	}
}

/* sender/recipient fields: each address rewritten for the mailer */
static void rewrite_addrs(dctx_t *d, mailer_t *m, const char *v, bool from, buf_t *out)
{
	size_t n = 0, i;
	char **list = alias_split_list(v, &n);

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(out, ", ");
		remotename(d->cf, NULL, list[i], m, RF_HEADERADDR | (from ? RF_SENDERADDR : RF_RECIPADDR),
			   out);
		free(list[i]);
	}
	free(list);
}

static bool cond_met(const mailer_t *m, const char *cond)
{
	const char *c;
	if (cond == NULL || *cond == '\0')
		return true;
	for (c = cond; *c; c++)
		if (MF(m, *c))
			return true;
	return false;
}

/* text with its newlines turned into the mailer's line ends */
static int put_lines(const char *s, size_t n, const char *eol, sink_fn put, void *arg)
{
	size_t i, start = 0;
	for (i = 0; i < n; i++)
		if (s[i] == '\n') {
			if (put(arg, s + start, i - start) < 0 || put(arg, eol, strlen(eol)) < 0)
				return -1;
			start = i + 1;
		}
	return put(arg, s + start, n - start);
}

static int write_header(dctx_t *d, mailer_t *m, const char *eol, sink_fn put, void *arg)
{
	buf_t line = BUF_INIT(0), val = BUF_INIT(0);
	hdr_t *h;
	int r = 0;

	for (h = d->e->hdrs; h != NULL && r == 0; h = h->next) {
		unsigned long fl = h->flags | header_known_flags(h->name);
		if (!cond_met(m, h->cond) || ((fl & H_BCC) && letter_has(d->e->eflags, EF_BCC)))
			continue;
		buf_reset(&line);
		buf_reset(&val);
		expand_late(d, m, h->value ? h->value : "", &val);
		buf_printf(&line, "%s:%s", h->name, h->lead ? h->lead : (val.len ? " " : ""));
		if ((fl & (H_FROM | H_RCPT)) && strchr(buf_str(&val), '\n') == NULL && val.len > 0)
			rewrite_addrs(d, m, buf_str(&val), (fl & H_FROM) != 0, &line);
		else
			buf_add(&line, val.p ? val.p : "", val.len);
		buf_addc(&line, '\n');
		r = put_lines(line.p, line.len, eol, put, arg);
	}
	buf_free(&line);
	buf_free(&val);
	return r;
}

static int body_line(const mailer_t *m, char *s, size_t n, const char *eol, sink_fn put, void *arg)
{
	size_t i;
	if (MF(m, '7'))
		for (i = 0; i < n; i++)
			s[i] &= 0x7f;
	if (MF(m, 'E') && n >= 5 && memcmp(s, "From ", 5) == 0 && put(arg, ">", 1) < 0)
		return -1;
	if (MF(m, 'X') && n >= 1 && s[0] == '.' && put(arg, ".", 1) < 0)
		return -1;
	if (put(arg, s, n) < 0)
		return -1;
	return put(arg, eol, strlen(eol));
}

/* n bytes onto the line being collected; past the buffer's bound byte
 * by byte, so it stops where a byte-wise append would */
static void line_add(buf_t *line, const char *s, size_t n)
{
	size_t i;

	if (buf_add(line, s, n) == 0)
		return;
	line->overflow = false;
	for (i = 0; i < n && buf_addc(line, s[i]) == 0; i++)
		;
}

static int write_body(dctx_t *d, mailer_t *m, const char *eol, sink_fn put, void *arg)
{
	buf_t path = BUF_INIT(4096), line = BUF_INIT(0);
	FILE *f;
	char blk[8192];
	size_t got;
	int r = 0;

	qf_path(&path, d->e->dfdir ? d->e->dfdir : d->e->qdir, 'd', d->e->qid);
	f = fopen(buf_str(&path), "r");
	buf_free(&path);
	if (f == NULL)
		return -1;
	while (r == 0 && (got = fread(blk, 1, sizeof blk, f)) > 0) {
		char *p = blk, *end = blk + got;
		while (r == 0 && p < end) {
			char *nl = memchr(p, '\n', (size_t)(end - p));
			if (nl == NULL) {
				line_add(&line, p, (size_t)(end - p));
				break;
			}
			if (line.len == 0 && !line.overflow)
				r = body_line(m, p, (size_t)(nl - p), eol, put, arg);
			else {
				line_add(&line, p, (size_t)(nl - p));
				r = body_line(m, line.p ? line.p : (char *)"", line.len, eol, put, arg);
				buf_reset(&line);
			}
			p = nl + 1;
		}
	}
	if (r == 0 && line.len > 0)
		r = body_line(m, line.p, line.len, eol, put, arg);
	if (ferror(f))
		r = -1;
	fclose(f);
	buf_free(&line);
	return r;
}

/* -X: every byte the mailer gets is also logged, line by line */
typedef struct xsink {
	sink_fn put;
	void *arg;
} xsink_t;

static int xlog_sink(void *arg, const char *s, size_t n)
{
	xsink_t *x = arg;
	xlog_out(s, n);
	return x->put(x->arg, s, n);
}

static int msg_write_all(dctx_t *d, mailer_t *m, drcpt_t *to, sink_fn put, void *arg);

int msg_write(dctx_t *d, mailer_t *m, drcpt_t *to, sink_fn put, void *arg)
{
	xsink_t x = { put, arg };
	int r;

	/* the SMTP client logs the wire itself (smtpc/io.c) */
	if (!xlog_on() || (m->path != NULL && strcmp(m->path, "[IPC]") == 0))
		return msg_write_all(d, m, to, put, arg);
	r = msg_write_all(d, m, to, xlog_sink, &x);
	xlog_flush_out();
	return r;
}

static int msg_write_all(dctx_t *d, mailer_t *m, drcpt_t *to, sink_fn put, void *arg)
{
	const char *eol = m->eol ? m->eol : "\n";
	buf_t from = BUF_INIT(0), g = BUF_INIT(0);
	char date[64];
	time_t now = time(NULL);
	int r = 0;

	(void)to;
	/* no From_ line for an [IPC] mailer (SMTP) */
	if (!MF(m, 'n') && !(m->path != NULL && strcmp(m->path, "[IPC]") == 0)) {
		struct tm tm;
		sender_for(d, m, &g);
		localtime_r(&now, &tm);
		strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", &tm);
		buf_printf(&from, "From %s %s", g.len ? buf_str(&g) : "MAILER-DAEMON", date);
		buf_adds(&from, eol);
		r = put(arg, from.p, from.len);
	}
	if (r == 0)
		r = write_header(d, m, eol, put, arg);
	if (r == 0)
		r = put(arg, eol, strlen(eol));
	if (r == 0)
		r = write_body(d, m, eol, put, arg);
	buf_free(&from);
	buf_free(&g);
	return r;
}
