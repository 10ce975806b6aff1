/* addrtext.c - xtext checks and angle-bracket stripping (addrtext.h). */
#include "lib/addrtext.h"
#include <ctype.h>
#include <string.h>

bool xtext_valid(const char *v)
{
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;
		if (c < 33 || c > 126 || c == '=')
			return false;
		if (c == '+' && !(isxdigit((unsigned char)v[1]) && isxdigit((unsigned char)v[2])))
			return false;
	}
	return true;
}

void strip_angles(const char *text, buf_t *out)
{
	size_t n = strlen(text);
	buf_reset(out);
	if (n >= 2 && text[0] == '<' && text[n - 1] == '>')
		buf_add(out, text + 1, n - 2);
	else
		buf_adds(out, text);
}

void ip6_text(const unsigned char a[16], buf_t *out)
{
	for (int i = 0; i < 16; i += 2)
		buf_printf(out, "%s%x", i ? ":" : "", (unsigned)(a[i] << 8 | a[i + 1]));
}
