/* alias_parse.c - one logical line of an alias file to a key and a value.
 *
 * "name: value": the name is the text before the first colon outside
 * quotes, comments and angle brackets (a backslash does not hide a colon
 * from this search); it must parse (rulesets 3 and 0) to the local
 * mailer, and the key is the user part it yields.  The value is the rest
 * after the colon and any blanks, kept as written.  When the name runs
 * unbalanced to the end of the line, the reference parses the whole line
 * as the name and takes the value after the first colon; so do we.
 * Problems are reported with the reference's words through diag. */
#include "aliases/aliases.h"
#include "addr/parseaddr.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include <string.h>
#include <sysexits.h>

FILE *alias_parse_trace;

void alias_entry_init(alias_entry_t *e)
{
	memset(e, 0, sizeof *e);
	buf_init(&e->key, 0);
	buf_init(&e->lhs, 0);
}

void alias_entry_free(alias_entry_t *e)
{
	buf_free(&e->key);
	buf_free(&e->lhs);
}

/* where the name ends: the index of its colon, or -1; *unbal tells
 * whether the scan ended inside quotes, a comment or angle brackets */
static long name_end(const char *s, bool *unbal)
{
	int inq = 0, cmnt = 0, angle = 0, bslash = 0;
	long i;

	for (i = 0; s[i] != '\0'; i++) {
		char c = s[i];

		if (c == ':' && !inq && cmnt == 0 && angle <= 0)
			return i;
		if (bslash) {
			bslash = 0;
			continue;
		}
		if (c == '\\')
			bslash = 1;
		else if (c == '"' && cmnt == 0)
			inq = !inq;
		else if (inq)
			continue;
		else if (c == '(')
			cmnt++;
		else if (c == ')' && cmnt > 0)
			cmnt--;
		else if (cmnt == 0 && c == '<')
			angle++;
		else if (cmnt == 0 && c == '>')
			angle--;
	}
	*unbal = inq || cmnt > 0 || angle > 0;
	return -1;
}

/* report "<what>... <msg>" */
static void diag_addr(alias_diag_fn diag, void *arg, int kind, int st,
		      const char *what, const char *msg)
{
	buf_t b = BUF_INIT(0);

	buf_printf(&b, "%s... %s", what, msg);
	diag(arg, kind, st, buf_str(&b));
	buf_free(&b);
}

/* the tokenizer's complaints about the name (unbalanced quotes, ...),
 * each as a message of its own; returns the number of tokens */
static size_t scan_name(const char *name, alias_diag_fn diag, void *arg)
{
	char *text = NULL;
	size_t len = 0, n;
	FILE *mem = open_memstream(&text, &len);
	tokvec_t tv;
	arena_t ar;

	tv_init(&tv);
	arena_init(&ar);
	if (addr_scan(mem, name, &tv, &ar, true) < 0)
		tv.n = 0;
	n = tv.n;
	tv_free(&tv);
	arena_free(&ar);
	if (mem != NULL && fclose(mem) == 0 && text != NULL) {
		char *line, *save = NULL;
		for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
			diag(arg, AD_USRERR, EX_OK, line);
	}
	free(text);
	return n;
}

/* the name must resolve to the local mailer; the key is its user */
static int resolve_name(cf_t *cf, const char *name, bool foldcase, alias_entry_t *e,
			alias_diag_fn diag, void *arg)
{
	addr_t a;
	int ok;

	if (parseaddr(cf, alias_parse_trace, name, RF_RECIPADDR, &a) < 0) {
		addr_free(&a);
		diag_addr(diag, arg, AD_SYSERR, EX_SOFTWARE, name, "cannot alias non-local names");
		return 0;
	}
	if (a.mailer == NULL) {
		buf_t t = BUF_INIT(0);
		diag_addr(diag, arg, AD_USRERR, a.exitstat ? a.exitstat : EX_UNAVAILABLE, name,
			  alias_error_text(a.user, &t));
		buf_free(&t);
	}
	ok = a.mailer != NULL && strcmp(a.mailer->name, "local") == 0;
	if (!ok)
		diag_addr(diag, arg, AD_SYSERR, EX_SOFTWARE, name, "cannot alias non-local names");
	else {
		buf_set(&e->key, a.user ? a.user : "");
		if (foldcase && e->key.p != NULL)
			sm_lower(e->key.p);
	}
	addr_free(&a);
	return ok;
}

/* the name as written, trailing blanks dropped */
static void set_lhs(alias_entry_t *e, const char *line, size_t n)
{
	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	buf_reset(&e->lhs);
	buf_add(&e->lhs, line, n);
}

int alias_parse_line(cf_t *cf, const char *line, bool foldcase, alias_entry_t *e,
		     alias_diag_fn diag, void *arg)
{
	bool unbal = false;
	long end;
	const char *colon, *v;

	if (line[0] == '#' || line[0] == '\0')
		return 0;
	if (line[0] == ' ' || line[0] == '\t') {
		diag(arg, AD_SYSERR, EX_SOFTWARE, "Non-continuation line starts with space");
		return 0;
	}
	end = name_end(line, &unbal);
	colon = end >= 0 ? line + end : unbal ? strchr(line, ':') : NULL;
	if (colon == NULL) {
		diag(arg, AD_SYSERR, EX_SOFTWARE, "missing colon");
		return 0;
	}
	set_lhs(e, line, end >= 0 ? (size_t)end : strlen(line));
	if (scan_name(buf_str(&e->lhs), diag, arg) == 0) {
		diag_addr(diag, arg, AD_SYSERR, EX_SOFTWARE, line, "illegal alias name");
		return 0;
	}
	if (!resolve_name(cf, buf_str(&e->lhs), foldcase, e, diag, arg))
		return 0;
	for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
		;
	if (*v == '\0') {
		diag_addr(diag, arg, AD_SYSERR, EX_SOFTWARE, line, "missing value for alias");
		return 0;
	}
	e->value = v;
	e->vlen = strlen(v);
	return 1;
}

const char *alias_error_text(const char *user, buf_t *out)
{
	const char *p = user ? user : "", *t;

	buf_reset(out);
	for (; *p; p++)
		if (*p != '"')
			buf_addc(out, *p);
	t = buf_str(out);
	if (out->len > 4 && t[0] >= '0' && t[0] <= '9' && t[3] == ' ')
		return t + 4;
	return t;
}
