/* cfscan.c - what mailstats needs from sendmail.cf, read the way the
 * reference's mailstats reads it: "O StatusFile=path" (exactly one blank
 * after O, the name in any case, blanks around '=', the path ends at a
 * blank) or the old "OSpath" (the rest of the line), and the mailers'
 * numbers from the M lines (prog, *file*, *include* are 0, 1, 2; a new
 * name, even an empty one, takes the next number, a redefinition keeps
 * its own; more than 25 is an error). */
#include "tools/mailstats/mailstats.h"
#include "lib/xalloc.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MS_LINE_MAX 65536

/* one line without its newline; 0 at end of file; overlong lines are cut */
static int get_line(FILE *f, buf_t *b)
{
	int ch;

	buf_reset(b);
	while ((ch = getc(f)) != EOF && ch != '\n')
		if (b->len < MS_LINE_MAX)
			buf_addc(b, ch);
	return ch != EOF || b->len > 0;
}

static void set_statfile(ms_cf_t *c, const char *v, size_t n)
{
	buf_reset(&c->statfile);
	buf_add(&c->statfile, v, n);
	c->have_statfile = true;
}

static void option_line(ms_cf_t *c, const char *l)
{
	static const char name[] = "StatusFile";
	const char *p;

	if (l[1] == 'S') {
		size_t n = strlen(l + 2);
		while (n > 0 && isspace((unsigned char)l[2 + n - 1]))
			n--;
		set_statfile(c, l + 2, n);
		return;
	}
	if (l[1] != ' ' || strncasecmp(l + 2, name, sizeof name - 1) != 0)
		return;
	p = l + 2 + sizeof name - 1;
	p += strspn(p, " \t");
	if (*p != '=')
		return;
	p++;
	p += strspn(p, " \t");
	set_statfile(c, p, strcspn(p, " \t\r"));
}

/* -1 when the table is full (the reference stops there) */
static int mailer_line(ms_cf_t *c, const char *l)
{
	size_t n = strcspn(l + 1, ", \t");
	int i, free_slot = -1;

	for (i = 0; i < STATS_MAXMAILERS; i++) {
		if (c->mailer[i] == NULL) {
			if (free_slot < 0)
				free_slot = i;
			continue;
		}
		if (strlen(c->mailer[i]) == n && strncmp(c->mailer[i], l + 1, n) == 0)
			return 0;
	}
	if (free_slot < 0)
		return -1;
	c->mailer[free_slot] = xstrndup(l + 1, n);
	return 0;
}

int ms_read_cf(const char *cffile, ms_cf_t *c)
{
	buf_t l = BUF_INIT(MS_LINE_MAX + 1);
	FILE *f = fopen(cffile, "r");
	int rc = 0;

	if (f == NULL)
		return -1;
	c->mailer[0] = xstrdup("prog");
	c->mailer[1] = xstrdup("*file*");
	c->mailer[2] = xstrdup("*include*");
	while (get_line(f, &l)) {
		const char *s = buf_str(&l);
		if (s[0] == 'O')
			option_line(c, s);
		else if (s[0] == 'M' && mailer_line(c, s) != 0) {
			rc = MS_TOO_MANY;
			break;
		}
	}
	fclose(f);
	buf_free(&l);
	return rc;
}

void ms_cf_free(ms_cf_t *c)
{
	for (int i = 0; i < STATS_MAXMAILERS; i++)
		free(c->mailer[i]);
	buf_free(&c->statfile);
}
