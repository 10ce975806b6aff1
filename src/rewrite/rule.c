/* rule.c - R line sides to token vectors (see rule.h). */
#include "rewrite/rule.h"
#include "rewrite/scan.h"
#include <string.h>

/* flush plain text collected so far through the address tokenizer */
static void flush_text(cf_t *cf, buf_t *text, tokvec_t *out)
{
	scanner_t sc;

	if (text->len == 0)
		return;
	if (scan_rule_text(text->p, text->len, out, &cf->ar) == 0) {
		buf_reset(text);
		return;
	}
	memset(&sc, 0, sizeof sc);
	sc.mode = SCAN_RULE;
	sc.max_token = 4096;
	scan_address(&sc, buf_str(text), out, &cf->ar);
	buf_reset(text);
}

/* handle "$?x": returns whether the condition holds */
static int cond_true(cf_t *cf, int id)
{
	const char *v = mac_get(&cf->mac, id);
	return v != NULL && *v != '\0';
}

static void push_value(cf_t *cf, int id, buf_t *text)
{
	const char *v = mac_get(&cf->mac, id);
	if (v != NULL)
		cf_expand(cf, v, text);
}

/* plain text up to the next '$' (a '$' ending the string is plain) */
static const char *add_plain(buf_t *text, const char *p, int skip)
{
	const char *d = strchr(p, '$');
	size_t n = d ? (size_t)(d - p) : strlen(p);

	if (n == 0)
		n = 1;          /* the final '$' */
	if (!skip && !text->overflow && buf_add(text, p, n) < 0) {
		/* past the limit: byte by byte, so the text stops where a
		 * byte-wise append would have stopped */
		size_t i;
		text->overflow = false;
		for (i = 0; i < n; i++)
			buf_addc(text, p[i]);
	}
	return p + n;
}

/* the vector a rule keeps: exactly as long as its tokens, in the cf's
 * arena (a rule lives as long as the cf; never freed on its own) */
static void keep_tokens(cf_t *cf, const tokvec_t *scratch, tokvec_t *out)
{
	/* a rule's tokens live in the cf's arena (never freed one by one):
	 * tokens already there are copied along, never realloc()ed */
	size_t old = out->n;
	tok_t *v;

	if (old + scratch->n == 0) {
		tv_init(out);
		return;
	}
	v = arena_alloc(&cf->ar, (old + scratch->n) * sizeof(tok_t));
	if (old > 0)
		memcpy(v, out->v, old * sizeof(tok_t));
	if (scratch->n > 0)
		memcpy(v + old, scratch->v, scratch->n * sizeof(tok_t));
	out->v = v;
	out->n = out->cap = old + scratch->n;
}

/* one side into tv (text: the plain text collected between operators) */
static void walk_side(cf_t *cf, const char *p, buf_t *text, tokvec_t *tv)
{
	int level = 0, skip = 0, skiplevel = 0;

	while (*p) {
		int c, op, id;

		if (*p != '$' || p[1] == '\0') {
			p = add_plain(text, p, skip);
			continue;
		}
		c = (unsigned char)p[1];
		p += 2;
		if (c == '?') {
			id = macid_parse(&p);
			level++;
			if (!skip && !cond_true(cf, id)) {
				skip = 1;
				skiplevel = level;
			}
			continue;
		}
		if (level > 0 && (c == '|' || c == '.')) {
			if (c == '|') {
				if (skip && skiplevel == level)
					skip = 0;
				else if (!skip) {
					skip = 1;
					skiplevel = level;
				}
			} else {
				if (skip && skiplevel == level)
					skip = 0;
				level--;
			}
			continue;
		}
		if (skip)
			continue;
		op = tok_op_from_char(c);
		if (op == OP_REPL) {
			flush_text(cf, text, tv);
			tv_push(tv, tok_op(OP_REPL, c - '0'));
			continue;
		}
		if (op == OP_CLASS || op == OP_NCLASS || op == OP_DEFER) {
			flush_text(cf, text, tv);
			id = macid_parse(&p);
			if (id < 0)
				id = 0;   /* the reference accepts a bare "$=" (it matches nothing) */
			tv_push(tv, tok_op(op, id));
			continue;
		}
		if (op != 0 && op != OP_CONDIF && op != OP_QUOTE8) {
			flush_text(cf, text, tv);
			tv_push(tv, tok_op(op, 0));
			continue;
		}
		/* a macro: expand its value into the text */
		p--;
		id = macid_parse(&p);
		if (id >= 0)
			push_value(cf, id, text);
	}
	flush_text(cf, text, tv);
}

int rule_parse_side(cf_t *cf, const char *p, int lhs, tokvec_t *out)
{
	/* one text buffer and one token vector for all rules (a cf has a
	 * thousand of them; not reentered: expanding a macro parses no rule) */
	static buf_t text = BUF_INIT(64 * 1024);
	static tokvec_t tv;

	(void)lhs;
	buf_reset(&text);
	tv_clear(&tv);
	walk_side(cf, p, &text, &tv);
	keep_tokens(cf, &tv, out);
	return 0;
}

int rule_side_ops(cf_t *cf, const char *p, tokvec_t *ops)
{
	(void)cf;
	tv_clear(ops);
	for (;;) {
		int c, op, id;

		p = strchr(p, '$');
		if (p == NULL || p[1] == '\0')
			return 1;
		c = (unsigned char)p[1];
		p += 2;
		op = tok_op_from_char(c);
		if (op == 0 || op == OP_CONDIF || op == OP_QUOTE8)
			return 0;       /* a macro or a condition */
		if (op == OP_REPL)
			id = c - '0';
		else if (op == OP_CLASS || op == OP_NCLASS || op == OP_DEFER) {
			id = macid_parse(&p);
			if (id < 0)
				id = 0;
		} else
			id = 0;
		tv_push(ops, tok_op(op, id));
	}
}
