/* qf_format.c - an envelope as the text of a version 8 control file, in
 * the reference's line order and letter orders (see queue.h). */
#include "queue/queue.h"
#include "addr/header.h"
#include <string.h>

/* flag letters in the order the reference writes them; letters not listed
 * follow in alphabetical order */
static const char EFLAG_ORDER[] = "wr8bdns";
static const char RFLAG_ORDER[] = "PNSFDA";

static void add_letters(buf_t *out, letterset_t set, const char *order, bool eight)
{
	for (const char *o = order; *o; o++) {
		if (*o == '8' ? eight : letter_has(set, *o))
			buf_addc(out, *o);
	}
	for (int c = 'A'; c <= 'z'; c++) {
		if (letter_bit(c) >= 0 && letter_has(set, c) && strchr(order, c) == NULL)
			buf_addc(out, c);
	}
}

static void add_line(buf_t *out, int letter, const char *text)
{
	if (text == NULL)
		return;
	buf_addc(out, letter);
	buf_adds(out, text);
	buf_addc(out, '\n');
}

static void format_head(const envelope_t *e, buf_t *out)
{
	buf_printf(out, "V%d\nT%lld\nK%lld\nN%ld\nP%ld\n", e->version,
		   (long long)e->ctime, (long long)e->last_try, e->ntries, e->prio);
	if (e->have_inode)
		buf_printf(out, "I%lu/%lu/%lu\n", e->df_major, e->df_minor, e->df_ino);
	add_line(out, 'B', e->bodytype);
	add_line(out, 'M', e->msg);
	if (e->eflags != 0 || e->ef_8bit) {
		buf_addc(out, 'F');
		add_letters(out, e->eflags, EFLAG_ORDER, e->ef_8bit);
		buf_addc(out, '\n');
	}
	for (size_t i = 0; i < e->nmacros; i++) {
		buf_addc(out, '$');
		buf_adds(out, e->macros[i].name);
		buf_adds(out, e->macros[i].value != NULL ? e->macros[i].value : "");
		buf_addc(out, '\n');
	}
	add_line(out, 'q', e->quarantine);
	add_line(out, 'd', e->dfdir);
	/* always an S line: it also tells a reader that M lines after it
	 * belong to recipients */
	add_line(out, 'S', e->sender != NULL ? e->sender : "");
	add_line(out, 'Z', e->envid);
	add_line(out, 'A', e->auth);
}

static bool same_ctl(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static void format_rcpts(const envelope_t *e, buf_t *out)
{
	const char *ctl = NULL;

	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next) {
		if (r->state != RS_QUEUED && r->state != RS_DEFERRED)
			continue;
		if (!same_ctl(r->ctl, ctl)) {
			add_line(out, 'C', r->ctl != NULL ? r->ctl : "");
			ctl = r->ctl;
		}
		add_line(out, 'M', r->rmsg);
		add_line(out, 'Q', r->orcpt);
		add_line(out, 'r', r->final);
		buf_addc(out, 'R');
		add_letters(out, r->flags, RFLAG_ORDER, false);
		buf_addc(out, ':');
		buf_adds(out, r->addr);
		buf_addc(out, '\n');
	}
}

static void format_hdr(const hdr_t *h, buf_t *out)
{
	buf_addc(out, 'H');
	if (h->cond != NULL) {
		buf_addc(out, '?');
		buf_adds(out, h->cond);
		buf_addc(out, '?');
	} else {
		buf_adds(out, "??");
	}
	buf_adds(out, h->name);
	buf_addc(out, ':');
	if (h->lead != NULL)
		buf_adds(out, h->lead);
	else if (h->value[0] != '\0')
		buf_addc(out, ' ');
	buf_adds(out, h->value);
	buf_addc(out, '\n');
}

void qf_format(const envelope_t *e, buf_t *out)
{
	format_head(e, out);
	format_rcpts(e, out);
	for (size_t i = 0; i < e->nunknown; i++) {
		buf_adds(out, e->unknown[i]);
		buf_addc(out, '\n');
	}
	for (const hdr_t *h = e->hdrs; h != NULL; h = h->next)
		if (!(h->flags & H_MEMONLY))
			format_hdr(h, out);
	buf_adds(out, ".\n");
}
