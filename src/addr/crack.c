/* crack.c - crackaddr (see crack.h).
 *
 * The template keeps what surrounds the address: comments, the phrase
 * before "<addr>", a group name before ':' and the ';' after it.  A
 * phrase or group name with special characters is quoted.  Unbalanced
 * comments and angle brackets are closed; a stray '>' is dropped. */
#include "addr/crack.h"
#include "rewrite/token.h"
#include <string.h>

#define CRACK_MAX (MAXNAME - 1)

static bool has_specials(const char *s, size_t n)
{
	size_t i;
	int inq = 0, cm = 0;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\') { i++; continue; }
		if (c == '"') { inq = !inq; continue; }
		if (inq)
			continue;
		if (c == '(') { cm++; continue; }
		if (c == ')') { if (cm) cm--; continue; }
		if (cm)
			continue;
		if (strchr("<>@,;.[]", c))
			return true;
	}
	return false;
}

/* append phrase text, quoting it when it holds specials */
static void put_phrase(buf_t *out, const char *s, size_t n)
{
	size_t end = n;
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	if (end > 0 && has_specials(s, end)) {
		buf_addc(out, '"');
		for (size_t i = 0; i < end; i++)
			if (s[i] != '"')
				buf_addc(out, s[i]);
		buf_addc(out, '"');
		buf_add(out, s + end, n - end);
	} else
		buf_add(out, s, n);
}

/* copy a comment starting at s[*i] == '(' through its close (added if missing) */
static void copy_comment(const char *s, size_t *i, buf_t *out)
{
	int depth = 0;
	for (; s[*i]; (*i)++) {
		char c = s[*i];
		buf_addc(out, c);
		if (c == '\\' && s[*i + 1]) {
			(*i)++;
			buf_addc(out, s[*i]);
			continue;
		}
		if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			return;
	}
	(*i)--;
	while (depth-- > 0)
		buf_addc(out, ')');
}

/* Walk s at the top level: skips backslash escapes, quoted strings and
 * comments, returning the index of the next character outside all of
 * them (or the index of the terminating NUL). */
static size_t next_top(const char *s, size_t i)
{
	int inq = 0, cm = 0;
	for (; s[i]; i++) {
		char c = s[i];
		if (c == '\\' && s[i + 1]) {
			i++;
			continue;
		}
		if (inq) {
			if (c == '"')
				inq = 0;
			continue;
		}
		if (c == '"') {
			inq = 1;
			continue;
		}
		if (c == '(') {
			cm++;
			continue;
		}
		if (c == ')') {
			if (cm)
				cm--;
			continue;
		}
		if (cm == 0)
			return i;
	}
	return i;
}

/* find the '<' that starts the route address: the last top-level '<'
 * before the first top-level '>' (or the last one when unclosed) */
static long find_angle(const char *s)
{
	size_t i;
	long lt = -1;
	for (i = next_top(s, 0); s[i]; i = next_top(s, i + 1)) {
		if (s[i] == '<')
			lt = (long)i;
		else if (s[i] == '>' && lt >= 0)
			return lt;
	}
	return lt;
}

static void crack_angle(const char *s, size_t lt, buf_t *out)
{
	size_t i = lt + 1, start;
	int inq = 0, nonempty = 0;

	put_phrase(out, s, lt);
	if (out->len > CRACK_MAX - 8)
		buf_reset(out);
	start = i;
	for (; s[i]; i++) {
		char c = s[i];
		if (c == '\\' && s[i + 1]) { i++; nonempty = 1; continue; }
		if (inq) { if (c == '"') inq = 0; else nonempty = 1; continue; }
		if (c == '"') { inq = 1; continue; }
		if (c == '>')
			break;
		nonempty = 1;
	}
	(void)start;
	buf_adds(out, nonempty ? "<$g>" : "<>");
	if (s[i] == '>')
		i++;
	/* the rest is copied, dropping stray '>' */
	for (; s[i]; i++) {
		if (s[i] == '(') {
			copy_comment(s, &i, out);
			continue;
		}
		if (s[i] != '>')
			buf_addc(out, s[i]);
	}
	if (!nonempty && out->len == 2) {
		/* nothing but "<>" */
	}
}

/* position of the first top-level ':' or -1 */
static long find_group_colon(const char *s)
{
	size_t i;
	int br = 0;
	for (i = next_top(s, 0); s[i]; i = next_top(s, i + 1)) {
		if (s[i] == '[')
			br++;
		else if (s[i] == ']' && br)
			br--;
		else if (s[i] == ':' && !br)
			return (long)i;
	}
	return -1;
}

static void crack_plain(const char *s, buf_t *out)
{
	size_t i;
	long colon = find_group_colon(s);
	int gotaddr = 0, group = 0, inq = 0, quoted_only = 1;
	size_t addr_chars = 0;

	i = 0;
	if (colon >= 0) {
		put_phrase(out, s, (size_t)colon);
		buf_addc(out, ':');
		i = (size_t)colon + 1;
		group = 1;
	}
	for (; s[i]; i++) {
		char c = s[i];
		if (inq) {
			if (c == '\\' && s[i + 1])
				i++;
			else if (c == '"')
				inq = 0;
			continue;
		}
		if (c == '(') {
			copy_comment(s, &i, out);
			continue;
		}
		if (c == ' ' || c == '\t' || c == ';') {
			buf_addc(out, c);
			continue;
		}
		if (c == '>')
			continue;
		if (c == '"') {
			inq = 1;
			if (s[i + 1] == '"' && !gotaddr) {
				i++;
				inq = 0;
				continue;
			}
		} else
			quoted_only = 0;
		if (c == '\\' && s[i + 1])
			i++;
		addr_chars++;
		if (!gotaddr) {
			buf_adds(out, "$g");
			gotaddr = 1;
		}
	}
	(void)quoted_only;
	while (out->len > 0 && (out->p[out->len - 1] == ' ' || out->p[out->len - 1] == '\t'))
		buf_truncate(out, out->len - 1);
	if (!gotaddr && group)
		buf_adds(out, "$g");
}

void crackaddr(const char *addr, buf_t *out)
{
	long lt;

	while (*addr == ' ' || *addr == '\t')
		addr++;
	lt = find_angle(addr);
	if (lt >= 0)
		crack_angle(addr, (size_t)lt, out);
	else
		crack_plain(addr, out);
}

void crack_fill(const char *fancy, const char *name, buf_t *out)
{
	const char *p;
	for (p = fancy; *p; p++) {
		if (p[0] == '$' && p[1] == 'g') {
			buf_adds(out, name);
			p++;
		} else
			buf_addc(out, *p);
	}
}
