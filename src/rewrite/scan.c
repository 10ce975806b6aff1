/* scan.c - address tokenizer (see scan.h). */
#include "rewrite/scan.h"
#include "lib/buf.h"
#include <string.h>

static unsigned char opertab[256];
unsigned char scan_special[256];   /* operator or always-special character */
/* bytes that, outside quotes and comments, simply extend an atom in every
 * mode (the delimiter aside): runs of them are copied at once */
static unsigned char plain_atom[256];
static int opers_set;

void scan_set_operators(const char *ops)
{
	const char *p;
	memset(opertab, 0, sizeof opertab);
	for (; *ops; ops++)
		if (*ops != ' ' && *ops != '\t')
			opertab[(unsigned char)*ops] = 1;
	memcpy(scan_special, opertab, sizeof scan_special);
	for (p = "()<>,;"; *p; p++)
		scan_special[(unsigned char)*p] = 1;
	for (int c = 1; c < 256; c++)
		plain_atom[c] = !scan_special[c] && !strchr(" \t\n\r\"\\", c);
	opers_set = 1;
}

static void init_default(void)
{
	if (!opers_set)
		scan_set_operators(".:@[]");
}

int scan_operators_differ(const char *ops)
{
	unsigned char t[256];

	init_default();
	memset(t, 0, sizeof t);
	for (; *ops; ops++)
		if (*ops != ' ' && *ops != '\t')
			t[(unsigned char)*ops] = 1;
	return memcmp(t, opertab, sizeof t) != 0;
}

int scan_is_operator(int c)
{
	init_default();
	return scan_special[c & 0xff];
}

enum ctype { C_ATM, C_SPC, C_ONE, C_QUOTE };

static enum ctype ctype_of(const scanner_t *sc, int c)
{
	c &= 0xff;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return C_SPC;
	if (c == '"')
		return C_QUOTE;
	if (opertab[c] || c == '<' || c == '>' || c == ',' || c == ';')
		return C_ONE;
	if ((c == '(' || c == ')') && sc->mode != SCAN_EXT)
		return C_ONE;
	return C_ATM;
}

typedef struct scanstate {
	scanner_t *sc;
	const char *addr;
	tokvec_t *out;
	arena_t *ar;
	buf_t tok;
	int in_tok;        /* 0 none, 1 atom, 2 quoted */
	int failed;
} scanstate_t;

static void report(scanstate_t *st, const char *msg)
{
	if (st->sc->err)
		st->sc->err(st->addr, msg, st->sc->errarg);
}

static void flush(scanstate_t *st)
{
	if (st->in_tok) {
		tv_push(st->out, tok_word(arena_dup(st->ar, st->tok.p, st->tok.len)));
		buf_reset(&st->tok);
		st->in_tok = 0;
	}
}

static int put(scanstate_t *st, int c, int kind)
{
	size_t max = st->sc->max_token ? st->sc->max_token : MAXNAME;
	if (st->in_tok != kind)
		flush(st);
	st->in_tok = kind;
	if (st->tok.len + 1 >= max) {
		report(st, "prescan: token too long");
		st->failed = 1;
		return -1;
	}
	buf_addc(&st->tok, c);
	return 0;
}

/* a run of n plain atom bytes; 0, or -1 when the token would grow too
 * long (the caller then adds them one by one, failing where it must) */
static int put_run(scanstate_t *st, const char *s, size_t n)
{
	size_t max = st->sc->max_token ? st->sc->max_token : MAXNAME;
	if (st->in_tok != 1)
		flush(st);
	if (st->tok.len + n >= max)
		return -1;
	st->in_tok = 1;
	buf_add(&st->tok, s, n);
	return 0;
}

/* one-character tokens share static texts: no arena copy */
static char onechar[256][2];
static tok_t onetok[256];

static void one(scanstate_t *st, int c)
{
	tok_t *t = &onetok[c & 0xff];

	flush(st);
	if (t->s == NULL) {
		onechar[c & 0xff][0] = (char)c;
		*t = tok_word(onechar[c & 0xff]);
	}
	tv_push(st->out, *t);
}

/* the end of the atom at s[i]: plain atom bytes and backslash pairs (a
 * backslash takes the next byte into the atom, whatever it is) */
static size_t atom_end(const char *s, size_t i, size_t n)
{
	while (i < n) {
		if (plain_atom[(unsigned char)s[i]])
			i++;
		else if (s[i] == '\\')
			i = i + 2 < n ? i + 2 : n;
		else
			break;
	}
	return i;
}

/* the end of the quoted string at s[i] (its closing quote included), or 0
 * when it is not closed (scan_address then adds the quote) */
static size_t quoted_end(const char *s, size_t i, size_t n)
{
	for (i++; i < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"')
			return i + 1;
	}
	return 0;
}

int scan_rule_text(const char *s, size_t n, tokvec_t *out, arena_t *ar)
{
	size_t i = 0, j, start = out->n;

	init_default();
	if (n >= 4000)
		return -1;
	while (i < n) {
		int c = (unsigned char)s[i];

		if (plain_atom[c] || c == '\\' || c == '"') {
			j = c == '"' ? quoted_end(s, i, n) : atom_end(s, i, n);
			if (j == 0) {
				out->n = start;     /* (the arena keeps what it copied) */
				return -1;
			}
			/* every token is a run of the text as it stands */
			tv_push(out, tok_word(arena_dup(ar, s + i, j - i)));
			i = j;
			continue;
		}
		if (scan_special[c]) {
			tok_t *t = &onetok[c];
			if (t->s == NULL) {
				onechar[c][0] = (char)c;
				*t = tok_word(onechar[c]);
			}
			tv_push(out, *t);
		}
		i++;            /* else a blank: nothing else is left */
	}
	return 0;
}

int scan_address(scanner_t *sc, const char *addr, tokvec_t *out, arena_t *ar)
{
	/* the token under construction: one buffer kept for the process */
	static buf_t tokbuf = BUF_INIT(0);
	scanstate_t st = { sc, addr, out, ar, BUF_INIT(0), 0, 0 };
	const char *p = addr;
	int bslash = 0, inq = 0, cmnt = 0, angle = 0;
	size_t start_n = out->n;

	init_default();
	buf_reset(&tokbuf);
	st.tok = tokbuf;
	for (; *p != '\0' && !st.failed; p++) {
		int c = (unsigned char)*p;

		if (bslash) {
			bslash = 0;
			put(&st, c, inq ? 2 : (st.in_tok ? st.in_tok : 1));
			continue;
		}
		if (cmnt > 0) {
			if (c == '\\' && p[1] != '\0')
				p++;
			else if (c == '(')
				cmnt++;
			else if (c == ')')
				cmnt--;
			continue;
		}
		if (inq) {
			put(&st, c, 2);
			if (c == '\\')
				bslash = 1;
			else if (c == '"') {
				inq = 0;
				flush(&st);
			}
			continue;
		}
		if (c == sc->delim && angle == 0)
			break;
		if (plain_atom[c] && c != sc->delim) {
			size_t n = 1;
			while (plain_atom[(unsigned char)p[n]] && (unsigned char)p[n] != sc->delim)
				n++;
			if (put_run(&st, p, n) < 0) {
				/* too long: where a byte-wise append fails */
				size_t i;
				for (i = 0; i + 1 < n && put(&st, (unsigned char)p[i], 1) == 0; i++)
					;
				if (!st.failed)
					put(&st, (unsigned char)p[i], 1);
				n = i + 1;
			}
			p += n - 1;
			continue;
		}
		if (c == '\\') {
			bslash = 1;
			put(&st, c, st.in_tok ? st.in_tok : 1);
			continue;
		}
		if (sc->mode == SCAN_EXT && c == '(') {
			flush(&st);
			cmnt = 1;
			continue;
		}
		if (sc->mode == SCAN_EXT && c == ')') {
			report(&st, "Unbalanced ')'");
			continue;
		}
		if (sc->mode == SCAN_RULE)
			;
		else if (c == '<')
			angle++;
		else if (c == '>') {
			if (angle == 0) {
				report(&st, "Unbalanced '>'");
				continue;
			}
			angle--;
		}
		switch (ctype_of(sc, c)) {
		case C_SPC:
			flush(&st);
			break;
		case C_QUOTE:
			flush(&st);
			put(&st, c, 2);
			inq = 1;
			break;
		case C_ONE:
			one(&st, c);
			break;
		case C_ATM:
			put(&st, c, 1);
			break;
		}
	}
	sc->stop = p;
	if (st.failed) {
		tokbuf = st.tok;
		out->n = start_n;
		return -1;
	}
	if (inq) {
		report(&st, "Unbalanced '\"'");
		put(&st, '"', 2);
	}
	flush(&st);
	tokbuf = st.tok;
	if (cmnt > 0) {
		report(&st, "Unbalanced '('");
		if (out->n == start_n)
			return -1;
	}
	if (angle > 0) {
		report(&st, "Unbalanced '<'");
		while (angle-- > 0)
			tv_push(out, tok_word(">"));
	}
	return 0;
}
