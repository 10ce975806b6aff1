/* rewrite.c - smrsh's check of a command line.  The line is a list of
 * simple commands joined by "||" or "&&".  Each one may start with any
 * number of "exec " words; its first word is either the builtin "echo" or
 * "exit", or a program looked up by its last path component in the smrsh
 * directory (which must hold an executable regular file of that name)
 * and replaced by the file's full name.  After the first word no shell
 * metacharacter may appear (other than the "||"/"&&" joints); bytes with
 * the high bit set count as the character without it, as in the
 * reference. */
#include "smrsh.h"
#include <ctype.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *whole;   /* the command as given, for messages */

static int is_meta(unsigned char c)
{
	c &= 0x7f;
	return c != '\0' && strchr("`<>;$()\r\n^|&", c) != NULL;
}

static int word_end(char c)
{
	return c == '\0' || c == ' ' || c == '\t';
}

/* the program's file name within [w, e): after the last '/' */
static const char *base_of(const char *w, const char *e)
{
	const char *b = w;

	for (const char *p = w; p < e; p++)
		if ((*p & 0x7f) == '/')
			b = p + 1;
	return b;
}

/* look the program [w, e) up and append its full name to OUT */
static void add_program(const char *w, const char *e, buf_t *out)
{
	const char *b = base_of(w, e);
	size_t dirlen = strlen(SMRSH_CMDDIR);
	buf_t path = BUF_INIT(0);
	struct stat st;

	buf_printf(&path, "%s/%.*s", SMRSH_CMDDIR, (int)(e - b), b);
	if (stat(buf_str(&path), &st) < 0)
		smrsh_notavail(b, (size_t)(e - b), b, " (stat failed)");
	if (!S_ISREG(st.st_mode))
		smrsh_notavail(b, (size_t)(e - b), b, " (not a file)");
	if (access(buf_str(&path), X_OK) < 0)
		smrsh_notavail(b, (size_t)(e - b), b, "");
	if (out->len + dirlen + 1 + strlen(b) >= SMRSH_CMDMAX)
		smrsh_toolong(whole);
	buf_add(out, path.p, path.len);
	buf_free(&path);
}

static int is_builtin(const char *w, const char *e)
{
	size_t n = (size_t)(e - w);

	return n == 4 && (memcmp(w, "echo", 4) == 0 || memcmp(w, "exit", 4) == 0);
}

/* copy the arguments after a command word up to the next joint; returns
 * the start of the next command or NULL at the end of the line */
static const char *copy_args(const char *p, buf_t *out)
{
	for (; *p != '\0'; p++) {
		if ((p[0] == '|' && p[1] == '|') || (p[0] == '&' && p[1] == '&')) {
			buf_add(out, p, 2);
			return p + 2;
		}
		if (is_meta((unsigned char)*p))
			smrsh_badchar(*p, whole);
		buf_addc(out, *p);
	}
	return NULL;
}

/* one simple command starting at P; returns where the next one starts */
static const char *one_command(const char *p, buf_t *out)
{
	const char *e;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0')
		return NULL;
	while (strncmp(p, "exec", 4) == 0 && (p[4] == ' ' || p[4] == '\t')) {
		buf_adds(out, "exec ");
		p += 5;
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			smrsh_noexec();
	}
	for (e = p; !word_end(*e); e++)
		;
	if (is_builtin(p, e))
		buf_add(out, p, (size_t)(e - p));
	else
		add_program(p, e, out);
	if (*e == '\0')
		return NULL;
	buf_addc(out, ' ');
	return copy_args(e + 1, out);
}

void smrsh_rewrite(const char *cmd, buf_t *out)
{
	const char *p = cmd;

	whole = cmd;
	while (p != NULL)
		p = one_command(p, out);
}
