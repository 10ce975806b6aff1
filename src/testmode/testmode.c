/* testmode.c - the -bt command loop: prompts, dispatch, and the
 * simple commands ($x, $=x, .D, .C, =S, =M, rulesets).  The "/"
 * commands live in testcmd.c. */
#include "testmode/testmode.h"
#include "testmode/testcmd.h"
#include "conf/class.h"
#include "conf/mailer_parse.h"
#include "rewrite/rewrite.h"
#include "rewrite/scan.h"
#include "lib/str.h"
#include "lib/exitstat.h"
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <sysexits.h>

static void set_exit(tm_t *tm, int st)
{
	(void)tm;
	sm_set_exitstat(st);
}

void tm_syserr(tm_t *tm, const char *msg)
{
	fflush(tm->out);
	fprintf(tm->out, "%s\n", msg);
	set_exit(tm, EX_SOFTWARE);
}

/* "$x" prints a macro value, "$=x" the members of a class */
static void print_member(const char *w, void *arg)
{
	fprintf((FILE *)arg, "%s\n", w);
}

static void cmd_dollar(tm_t *tm, const char *p)
{
	int id, cls = 0;
	const char *v;
	buf_t b = BUF_INIT(0);

	if (*p == '=') {
		cls = 1;
		p++;
	}
	id = macid_parse(&p);
	if (id < 0) {
		tm_syserr(tm, "Name required for macro/class");
		return;
	}
	if (cls) {
		class_each(id, print_member, tm->out);
		return;
	}
	v = mac_get(&tm->cf->mac, id);
	if (v == NULL) {
		fprintf(tm->out, "Undefined\n");
		return;
	}
	{
		tok_t t = tok_word(v);
		tok_render(&b, &t);
	}
	fprintf(tm->out, "%s\n", buf_str(&b));
	buf_free(&b);
}

static void cmd_define(tm_t *tm, const char *p)
{
	int kind = *p++, id;
	id = macid_parse(&p);
	if (id < 0) {
		tm_syserr(tm, "Name required for macro/class");
		return;
	}
	if (kind == 'D') {
		buf_t e = BUF_INIT(0);
		mac_define(&tm->cf->mac, id, p);
		buf_free(&e);
	} else if (kind == 'C') {
		char *copy = strdup(p), *w, *save = NULL;
		if (copy == NULL)
			return;
		for (w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
			class_add(id, w);
		free(copy);
	} else
		fprintf(tm->out, "Unknown \".\" command %s\n", p - 2);
}

static void print_rule_side(FILE *f, const tokvec_t *tv)
{
	buf_t b = BUF_INIT(0);
	size_t i;
	for (i = 0; i < tv->n; i++) {
		tok_render(&b, &tv->v[i]);
		buf_addc(&b, ' ');
	}
	fwrite(buf_str(&b), 1, b.len, f);
	buf_free(&b);
}

/* parse one ruleset name from *pp (digits, or a name up to ',' / blank) */
static int parse_rs(tm_t *tm, const char **pp)
{
	const char *p = *pp, *s = p;
	char name[256];
	size_t n;
	int rs;

	if (isdigit((unsigned char)*p)) {
		while (isdigit((unsigned char)*p))
			p++;
	} else {
		if (*p && !isspace((unsigned char)*p))
			p++;
		while (*p && *p != ',' && !isspace((unsigned char)*p))
			p++;
	}
	n = (size_t)(p - s) < sizeof name - 1 ? (size_t)(p - s) : sizeof name - 1;
	memcpy(name, s, n);
	name[n] = '\0';
	*pp = p;
	if (!isdigit((unsigned char)name[0]) && !isalpha((unsigned char)name[0]) && name[0] != '_') {
		char msg[300];
		snprintf(msg, sizeof msg, "invalid ruleset name: \"%s\"", name);
		tm_syserr(tm, msg);
		fprintf(tm->out, "Undefined ruleset %s\n", name);
		return -1;
	}
	rs = cf_ruleset_lookup(tm->cf, name);
	if (rs < 0) {
		fprintf(tm->out, "Undefined ruleset %s\n", name);
		return -1;
	}
	return rs;
}

static void cmd_dump(tm_t *tm, const char *p)
{
	if (*p == 'S') {
		const char *q = p + 1;
		int rs;
		size_t i;
		while (*q == ' ' || *q == '\t')
			q++;
		rs = parse_rs(tm, &q);
		if (rs < 0)
			return;
		cf_ruleset_ready(tm->cf, rs);
		for (i = 0; i < tm->cf->rs[rs].n; i++) {
			const rule_t *r = &tm->cf->rs[rs].rules[i];
			fputc('R', tm->out);
			print_rule_side(tm->out, &r->lhs);
			fputs("\t\t", tm->out);
			print_rule_side(tm->out, &r->rhs);
			fputc('\n', tm->out);
		}
	} else if (*p == 'M') {
		int i;
		for (i = 0; i < tm->cf->nmailers; i++) {
			buf_t b = BUF_INIT(0);
			mailer_format(tm->cf, tm->cf->mailer[i], &b);
			fprintf(tm->out, "%s\n", buf_str(&b));
			buf_free(&b);
		}
	} else
		fprintf(tm->out, "Unknown \"=\" command %s\n", p - 1);
}

void tm_scan_err(const char *addr, const char *msg, void *arg)
{
	tm_t *tm = arg;
	fprintf(tm->out, "%s... %s\n", addr, msg);
}

/* run the ruleset list starting at spec over one address */
static void run_list(tm_t *tm, const char *spec, tokvec_t *tv, arena_t *ar)
{
	const char *p = spec;
	rwctx_t cx;

	tm_rwctx(tm, &cx, ar);
	for (;;) {
		const char *name = p;
		int rs = parse_rs(tm, &p), st;
		if (rs < 0)
			break;
		st = rewrite(&cx, rs, tv);
		if (st != EX_OK) {
			/* the reference names the rest of the list here */
			int n = 0;
			while (name[n] && !isspace((unsigned char)name[n]))
				n++;
			fprintf(tm->out, "== Ruleset %.*s (%d) status %d\n", n, name, rs, st);
		}
		if (*p != ',')
			break;
		p++;
	}
}

/* "3,0 address[, address...]": run the listed rulesets over each address */
static void cmd_rulesets(tm_t *tm, const char *line)
{
	const char *addr = line;

	while (*addr && !isspace((unsigned char)*addr))
		addr++;
	while (isspace((unsigned char)*addr))
		addr++;
	if (strlen(addr) > MAXNAME - 1) {
		fprintf(tm->out, "Address \"%.*s\" too long (%d bytes max)\n", MAXNAME - 1, addr, MAXNAME - 1);
		return;
	}
	for (;;) {
		tokvec_t tv;
		arena_t ar;
		scanner_t sc;
		int r;

		tv_init(&tv);
		arena_init(&ar);
		memset(&sc, 0, sizeof sc);
		sc.mode = SCAN_NOC;
		sc.delim = ',';
		sc.err = tm_scan_err;
		sc.errarg = tm;
		r = scan_address(&sc, addr, &tv, &ar);
		if (r == 0 && tv.n > 0)
			run_list(tm, line, &tv, &ar);
		tv_free(&tv);
		arena_free(&ar);
		if (r < 0 || sc.stop == NULL || *sc.stop != ',')
			break;
		addr = sc.stop + 1;
	}
}

void tm_rwctx(tm_t *tm, rwctx_t *cx, arena_t *ar)
{
	memset(cx, 0, sizeof *cx);
	cx->cf = tm->cf;
	cx->trace = tm->out;
	cx->ar = ar;
}

static void dispatch(tm_t *tm, char *line)
{
	char *p = line;

	while (isspace((unsigned char)*p))
		p++;
	switch (*p) {
	case '\0': case '#':
		return;
	case '$': cmd_dollar(tm, p + 1); return;
	case '.': cmd_define(tm, p + 1); return;
	case '=': cmd_dump(tm, p + 1); return;
	case '/': tm_slash(tm, p); return;
	case '-': return;   /* debug flags: accepted, no output */
	default: cmd_rulesets(tm, p); return;
	}
}

int testmode_run(cf_t *cf, FILE *in, FILE *out)
{
	tm_t tm;
	char line[8192];

	memset(&tm, 0, sizeof tm);
	tm.cf = cf;
	tm.out = out;
	tm.in = in;
	tm.tryflags = "ER";
	if (cf->exitstat)
		sm_set_exitstat(cf->exitstat);
	fprintf(out, "ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\n");
	fprintf(out, "Enter <ruleset> <address>\n");
	for (;;) {
		size_t n;
		fputs("> ", out);
		fflush(out);
		if (fgets(line, sizeof line, in) == NULL)
			break;
		n = strlen(line);
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		else if (n == sizeof line - 1) {
			int c;
			while ((c = getc(in)) != EOF && c != '\n')
				;
		}
		dispatch(&tm, line);
		if (tm.quit)
			break;
	}
	fflush(out);
	return sm_exitstat;
}
