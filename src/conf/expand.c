/* expand.c - macro expansion of cf text ($x, ${name}, $?x..$|..$.). */
#include "conf/cf.h"
#include <string.h>

cf_t *CF;

#define EXPAND_DEPTH 20

static void expand_r(const cf_t *cf, const char *in, buf_t *out, int depth);

static void add_value(const cf_t *cf, int id, buf_t *out, int depth)
{
	const char *v = mac_get(&cf->mac, id);
	if (v == NULL)
		return;
	if (depth >= EXPAND_DEPTH || strchr(v, '$') == NULL)
		buf_adds(out, v);
	else
		expand_r(cf, v, out, depth + 1);
}

static void expand_r(const cf_t *cf, const char *in, buf_t *out, int depth)
{
	const char *p = in;
	int skip = 0;     /* nesting level of false conditionals */
	int level = 0;    /* conditional nesting */
	int skiplevel = 0;

	while (*p && !out->overflow) {
		if (*p != '$' || p[1] == '\0') {
			if (!skip)
				buf_addc(out, *p);
			p++;
			continue;
		}
		p++;
		switch (*p) {
		case '?': {
			const char *q = p + 1;
			int id = macid_parse(&q);
			const char *v = id >= 0 ? mac_get(&cf->mac, id) : NULL;
			p = q;
			level++;
			if (!skip && (v == NULL || *v == '\0')) {
				skip = 1;
				skiplevel = level;
			}
			continue;
		}
		case '|':
			p++;
			if (level == 0) {
				if (!skip)
					buf_adds(out, "$|");
			} else if (skip && skiplevel == level)
				skip = 0;
			else if (!skip) {
				skip = 1;
				skiplevel = level;
			}
			continue;
		case '.':
			p++;
			if (level == 0) {
				if (!skip)
					buf_adds(out, "$.");
				continue;
			}
			if (skip && skiplevel == level)
				skip = 0;
			level--;
			continue;
		case '&': case '=': case '~': case '#': case '@': case ':':
		case '>': case '*': case '+': case '-': case '[': case ']':
		case '(': case ')': case '$':
			if (!skip) {
				buf_addc(out, '$');
				buf_addc(out, *p);
			}
			p++;
			continue;
		default:
			if (*p >= '0' && *p <= '9') {
				if (!skip) {
					buf_addc(out, '$');
					buf_addc(out, *p);
				}
				p++;
				continue;
			}
			{
				int id = macid_parse(&p);
				if (id >= 0 && !skip)
					add_value(cf, id, out, depth);
			}
		}
	}
}

void cf_expand(const cf_t *cf, const char *in, buf_t *out)
{
	expand_r(cf, in, out, 0);
}
