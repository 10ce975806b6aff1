/* map_simple.c - map classes that need no storage: dequote, arith,
 * macro, stab and null, plus the class registry. */
#include "maps/map.h"
#include "conf/cf.h"
#include "conf/macro.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

/* dequote: remove the quotes of a quoted string; no match when the
 * key had no quotes, holds blanks, or is unbalanced */
static int dequote_lookup(map_t *m, const char *key, const char **args, int nargs,
			  buf_t *out, int *stat)
{
	buf_t b = BUF_INIT(0);
	const char *p;
	int bslash = 0, quotes = 0, cmnt = 0, angle = 0, spaces = 0;

	*stat = EX_OK;
	for (p = key; *p; p++) {
		char c = *p;
		if (bslash) {
			bslash = 0;
			buf_addc(&b, c);
			continue;
		}
		if (c == ' ' && m->spacesub)
			c = (char)m->spacesub;
		if (c == '\\')
			bslash = 1;
		else if (c == '(')
			cmnt++;
		else if (c == ')') {
			if (cmnt-- <= 0)
				goto fail;
		} else if (c == ' ' || c == '\t')
			spaces++;
		if (cmnt > 0) {
			buf_addc(&b, c);
			continue;
		}
		if (c == '"') {
			quotes++;
			continue;
		}
		if (c == '<')
			angle++;
		else if (c == '>' && angle-- <= 0)
			goto fail;
		buf_addc(&b, c);
	}
	if (angle || cmnt || bslash || quotes == 0 || spaces)
		goto fail;
	map_rewrite(m, buf_str(&b), b.len, key, args, nargs, out);
	buf_free(&b);
	return 1;
fail:
	buf_free(&b);
	return 0;
}

static int parse_long(const char *s, long *v)
{
	char *e;
	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	*v = strtol(s, &e, 10);
	return (errno || *e) ? -1 : 0;
}

/* arith: key is the operator, %1 and %2 the operands */
static int arith_lookup(map_t *m, const char *key, const char **args, int nargs,
			buf_t *out, int *stat)
{
	long a, b, r;
	char num[32];
	const char *res = num;

	(void)m;
	*stat = EX_CONFIG;
	if (strlen(key) != 1 || nargs < 2 || parse_long(args[0], &a) < 0 || parse_long(args[1], &b) < 0)
		return 0;
	/* two's-complement wrap-around, never undefined behaviour */
	switch (key[0]) {
	case '+': r = (long)((unsigned long)a + (unsigned long)b); break;
	case '-': r = (long)((unsigned long)a - (unsigned long)b); break;
	case '*': r = (long)((unsigned long)a * (unsigned long)b); break;
	case '/':
		if (b == 0)
			return 0;
		r = (b == -1) ? (long)(0UL - (unsigned long)a) : a / b;
		break;
	case '%':
		if (b == 0)
			return 0;
		r = (b == -1) ? 0 : a % b;
		break;
	case '|': r = a | b; break;
	case '&': r = a & b; break;
	case 'l': res = a < b ? "TRUE" : "FALSE"; r = 0; break;
	case '=': res = a == b ? "TRUE" : "FALSE"; r = 0; break;
	case 'r': {
		unsigned long span = (unsigned long)b - (unsigned long)a + 1;
		r = (b > a && span != 0) ? (long)((unsigned long)a + (unsigned long)random() % span) : a;
		break;
	}
	default: return 0;
	}
	snprintf(num, sizeof num, "%ld", r);
	*stat = EX_OK;
	buf_adds(out, res);
	return 1;
}

/* macro: set macro named by key to %1 (undefine without), return "" */
static int macro_lookup(map_t *m, const char *key, const char **args, int nargs,
			buf_t *out, int *stat)
{
	const char *k = key;
	int id;
	(void)m; (void)out;
	*stat = EX_OK;
	id = k[0] == '{' ? macid_parse(&k) : macid(key);
	if (id >= 0 && CF != NULL)
		mac_define(&CF->mac, id, nargs > 0 && args[0] && args[0][0] ? args[0] : NULL);
	return 1;
}

static int null_lookup(map_t *m, const char *key, const char **args, int nargs,
		       buf_t *out, int *stat)
{
	(void)m; (void)key; (void)args; (void)nargs; (void)out;
	*stat = EX_OK;
	return 0;
}

const map_class_t map_class_dequote = { "dequote", NULL, NULL, NULL, NULL, dequote_lookup, NULL, MF_KEEPQUOTES };
const map_class_t map_class_arith = { "arith", NULL, NULL, NULL, NULL, arith_lookup, NULL, 0 };
const map_class_t map_class_macro = { "macro", NULL, NULL, NULL, NULL, macro_lookup, NULL, 0 };
const map_class_t map_class_null = { "null", NULL, NULL, NULL, NULL, null_lookup, NULL, 0 };
const map_class_t map_class_stab = { "stab", NULL, NULL, NULL, NULL, null_lookup, NULL, 0 };
