/* params.c - the shape of MAIL and RCPT arguments: "FROM:" / "TO:", the
 * path (brackets may nest, quotes may hold blanks), and the ESMTP
 * parameters after it, each "KEYWORD[=VALUE]". */
#include "smtpd/smtpd_int.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

bool path_split(session_t *s, const char *kw, buf_t *path, const char **params, buf_t *text)
{
	const char *a = cmd_arg(s), *p;
	size_t kn = strlen(kw);
	int depth = 0;
	bool q = false;

	buf_reset(text);
	if (strncasecmp(a, kw, kn) != 0 || a[kn] != ':') {
		size_t n = strcspn(a, " \t:");
		buf_add(text, a, n && a[n] == ':' ? n : (n ? n : strlen(a)));
		if (n == 0)
			buf_reset(text);
		return false;
	}
	p = a + kn + 1;
	p += strspn(p, " \t");
	buf_reset(path);
	for (; *p && (depth > 0 || q || (*p != ' ' && *p != '\t')); p++) {
		if (*p == '\\' && p[1]) {
			buf_addc(path, *p++);
		} else if (*p == '"')
			q = !q;
		else if (!q && *p == '<')
			depth++;
		else if (!q && *p == '>' && depth > 0)
			depth--;
		buf_addc(path, *p);
	}
	if (path->len == 0) {
		buf_add(text, a, kn);
		return false;
	}
	*params = p;
	return true;
}

bool param_next(const char **params, buf_t *key, buf_t *val, bool *has_val)
{
	const char *p = *params + strspn(*params, " \t");
	size_t n = strcspn(p, " \t"), k;

	if (n == 0)
		return false;
	k = strcspn(p, "=");
	if (k > n)
		k = n;
	buf_reset(key);
	buf_reset(val);
	buf_add(key, p, k);
	*has_val = k < n;
	if (*has_val)
		buf_add(val, p + k + 1, n - k - 1);
	*params = p + n;
	return true;
}

