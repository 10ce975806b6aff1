/* print.c - rendering tokens the way sendmail's traces show them.
 * Control characters appear as ^X and bytes with the high bit set as
 * M-x (cat -v style); operators as "$x" with their macro name. */
#include "rewrite/rewrite.h"
#include "conf/macro.h"
#include "rewrite/scan.h"
#include <stdbool.h>
#include <string.h>

static void render_char(buf_t *b, unsigned char c)
{
	if (c == 0233) {        /* the $| byte, e.g. from a regex map's -s */
		buf_adds(b, "$|");
		return;
	}
	if (c & 0x80) {
		buf_adds(b, "M-");
		c &= 0x7f;
	}
	if (c < 0x20) {
		buf_addc(b, '^');
		buf_addc(b, c + '@');
	} else if (c == 0x7f)
		buf_adds(b, "^?");
	else
		buf_addc(b, c);
}

void tok_render(buf_t *b, const tok_t *t)
{
	const char *s;

	if (t->op == OP_WORD) {
		/* plain printable text goes out as it is */
		if (t->plain) {
			buf_add(b, t->s, t->len);
			return;
		}
		for (s = t->s; *s; s++)
			render_char(b, (unsigned char)*s);
		return;
	}
	buf_addc(b, '$');
	if (t->op == OP_REPL) {
		buf_addc(b, '0' + t->arg);
		return;
	}
	buf_addc(b, tok_op_char(t->op));
	if (t->op == OP_CLASS || t->op == OP_NCLASS || t->op == OP_DEFER)
		buf_adds(b, macname(t->arg));
}

void tok_print_one(FILE *f, const tok_t *t)
{
	buf_t b = BUF_INIT(0);
	tok_render(&b, t);
	fwrite(buf_str(&b), 1, b.len, f);
	buf_free(&b);
}

void tok_print(FILE *f, const tokvec_t *tv)
{
	buf_t b = BUF_INIT(0);
	size_t i;
	for (i = 0; i < tv->n; i++) {
		buf_addc(&b, ' ');
		tok_render(&b, &tv->v[i]);
	}
	fwrite(buf_str(&b), 1, b.len, f);
	buf_free(&b);
}

void tok_cat(const tok_t *v, size_t n, buf_t *out)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (v[i].op == OP_WORD)
			buf_adds(out, v[i].s);
		else
			tok_render(out, &v[i]);
	}
}

void rw_trace(rwctx_t *cx, int rs, const char *what, const tokvec_t *tv)
{
	static buf_t line = BUF_INIT(0);
	char nb[16];
	const char *name;
	size_t i, width, l, need;
	bool input = what[0] == 'i';

	if (cx->trace == NULL)
		return;
	name = cf_ruleset_name(cx->cf, rs, nb, sizeof nb);
	buf_reset(&line);
	/* "%-18s input:" and "%-16s returns:" */
	l = strlen(name);
	width = input ? 18 : 16;
	buf_add(&line, name, l);
	for (; l < width; l++)
		buf_addc(&line, ' ');
	buf_adds(&line, input ? " input:" : " returns:");
	/* room for the plain tokens at once, then copy them directly */
	need = 1;
	for (i = 0; i < tv->n; i++)
		need += tv->v[i].len + 8;
	(void)buf_reserve(&line, need);
	for (i = 0; i < tv->n; i++) {
		const tok_t *t = &tv->v[i];
		if (t->op == OP_WORD && t->plain && line.len + t->len + 2 <= line.cap) {
			line.p[line.len++] = ' ';
			memcpy(line.p + line.len, t->s, t->len);
			line.len += t->len;
			line.p[line.len] = '\0';
			continue;
		}
		buf_addc(&line, ' ');
		tok_render(&line, t);
	}
	buf_addc(&line, '\n');
	fwrite(line.p, 1, line.len, cx->trace);
}

bool tok_is_atom(const tok_t *t)
{
	unsigned char c;
	if (t->op != OP_WORD)
		return false;
	c = (unsigned char)t->s[0];
	if (c == '"' || c == ' ' || c == '\t')
		return false;
	(void)scan_is_operator(0);   /* makes sure the table is set up */
	return !scan_special[c];
}

/* The reference builds names in a fixed buffer: the text is cut at
 * CATADDR_MAX bytes, in the middle of a token if need be. */
#define CATADDR_MAX (MAXNAME - 2)

static int default_spacesub = ' ';

int tok_spacesub(void)
{
	return default_spacesub;
}

void tok_set_spacesub(int c)
{
	default_spacesub = c ? c : ' ';
}

void tok_cataddr(const tok_t *v, size_t n, int spacesub, buf_t *out)
{
	size_t i, used = 0;
	bool prev = false;
	char sep = (char)(spacesub ? spacesub : default_spacesub);

	for (i = 0; i < n; i++) {
		bool cur = tok_is_atom(&v[i]);
		if (prev && cur) {
			if (used + 1 > CATADDR_MAX)
				return;
			buf_addc(out, sep);
			used++;
		}
		if (v[i].op == OP_WORD) {
			size_t l = v[i].len;
			if (used + l > CATADDR_MAX) {
				/* the reference fills its buffer, cutting the token */
				buf_add(out, v[i].s, CATADDR_MAX - used);
				return;
			}
			buf_add(out, v[i].s, l);
			used += l;
		} else {
			size_t before = out->len;
			tok_render(out, &v[i]);
			used += out->len - before;
			if (used > CATADDR_MAX) {
				buf_truncate(out, out->len - (used - CATADDR_MAX));
				return;
			}
		}
		prev = cur;
	}
}
