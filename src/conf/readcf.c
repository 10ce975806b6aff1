/* readcf.c - reading sendmail.cf line by line into a cf_t. */
#include "conf/cf.h"
#include "conf/class.h"
#include "conf/cf_lines.h"
#include "conf/mailer_parse.h"
#include "maps/map.h"
#include "rewrite/rule.h"
#include "rewrite/scan.h"
#include "lib/xalloc.h"
#include "lib/str.h"
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

int cf_lineno;
static int cur_ruleset = -1;

void cf_err(cf_t *cf, const char *fmt, ...)
{
	va_list ap;
	/* the reference reports configuration errors as system errors on
	 * the standard output, and they make the exit status 70 */
	if (cf->file && cf_lineno > 0)
		fprintf(stdout, "%s: line %d: ", cf->file, cf_lineno);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	cf->errors++;
	cf->exitstat = EX_SOFTWARE;
}

void cf_init(cf_t *cf)
{
	memset(cf, 0, sizeof *cf);
	cf_init_zeroed(cf);
}

void cf_init_zeroed(cf_t *cf)
{
	cf->next_named = MAXRWSETS - 1;
	arena_init(&cf->ar);
	opt_init(&cf->opt);
	cur_ruleset = -1;
}

/* ------------------------------------------------------------ rulesets */

#define RSHASH_SIZE 512

static unsigned rsname_slot(const char *name)
{
	unsigned h = 5381;
	for (; *name; name++)
		h = h * 33 + (unsigned char)*name;
	return h % RSHASH_SIZE;
}

/* names are looked up at run time too ($>$2), so by hash */
static int find_named(cf_t *cf, const char *name)
{
	unsigned i = rsname_slot(name), n;
	for (n = 0; n < RSHASH_SIZE; n++, i = (i + 1) % RSHASH_SIZE) {
		int rs = cf->rsname_hash[i] - 1;
		if (rs < 0)
			return -1;
		if (cf->rs[rs].name && strcmp(cf->rs[rs].name, name) == 0)
			return rs;
	}
	return -1;
}

static void name_ruleset(cf_t *cf, int n, const char *name)
{
	unsigned i = rsname_slot(name), k;

	/* "$> name" in a rule still to be tokenized would find this name,
	 * where the binding made at the end of the cf did not */
	if (cf->calls_bound)
		cf_rules_ready(cf);
	cf->rs[n].name = xstrdup(name);
	for (k = 0; k < RSHASH_SIZE; k++, i = (i + 1) % RSHASH_SIZE)
		if (cf->rsname_hash[i] == 0) {
			cf->rsname_hash[i] = (short)(n + 1);
			return;
		}
}

static bool all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

int cf_ruleset_lookup_quoted(cf_t *cf, const char *nm)
{
	char tmp[256];
	size_t l = strlen(nm);
	if (l >= 2 && nm[0] == '"' && nm[l - 1] == '"' && l - 2 < sizeof tmp) {
		memcpy(tmp, nm + 1, l - 2);
		tmp[l - 2] = '\0';
		nm = tmp;
	}
	return cf_ruleset_lookup(cf, nm);
}

int cf_ruleset_lookup(cf_t *cf, const char *name)
{
	if (all_digits(name)) {
		long n = strtol(name, NULL, 10);
		return n < MAXRWSETS ? (int)n : -1;
	}
	return find_named(cf, name);
}

/* ruleset number for a name, allocating one when create is set */
static int ruleset_enter(cf_t *cf, const char *spec, bool create)
{
	char name[256];
	const char *eq = strchr(spec, '=');
	int n;

	if (all_digits(spec)) {
		n = atoi(spec);
		if (n >= MAXRWSETS / 2) {
			cf_err(cf, "bad ruleset %d (%d max)", n, MAXRWSETS / 2);
			return -1;
		}
		return n;
	}
	sm_strlcpy(name, spec, eq && (size_t)(eq - spec) < sizeof name ? (size_t)(eq - spec) + 1 : sizeof name);
	if (name[0] == '\0' || (!isalpha((unsigned char)name[0]) && name[0] != '_')) {
		cf_err(cf, "invalid ruleset name: \"%s\"", name);
		return -1;
	}
	n = find_named(cf, name);
	if (eq != NULL) {
		int want = atoi(eq + 1);
		if (want < 0 || want >= MAXRWSETS / 2) {
			cf_err(cf, "bad ruleset number %d in \"%s\" (%d max)", want, spec, MAXRWSETS / 2);
			return -1;
		}
		if (n >= 0 && n != want) {
			cf_err(cf, "%s: ruleset changed value (old %d, new %d)", name, n, want);
		}
		if (cf->rs[want].name == NULL)
			name_ruleset(cf, want, name);
		return want;
	}
	if (n >= 0 || !create)
		return n;
	while (cf->next_named > 0 && (cf->rs[cf->next_named].name || cf->rs[cf->next_named].used))
		cf->next_named--;
	if (cf->next_named <= 0) {
		cf_err(cf, "%s: too many named rulesets", name);
		return -1;
	}
	name_ruleset(cf, cf->next_named, name);
	return cf->next_named--;
}

int cf_ruleset_enter(cf_t *cf, const char *name)
{
	return ruleset_enter(cf, name, true);
}

const char *cf_ruleset_name(const cf_t *cf, int n, char *buf, size_t bufsz)
{
	if (n >= 0 && n < MAXRWSETS && cf->rs[n].name)
		return cf->rs[n].name;
	snprintf(buf, bufsz, "%d", n);
	return buf;
}

static void line_S(cf_t *cf, char *p)
{
	char *s = sm_trim(p);
	int n;
	char *sp = strpbrk(s, " \t");
	if (sp)
		*sp = '\0';   /* "Sname comment": the name is the first word */
	if (*s == '\0') {
		cf_err(cf, "invalid ruleset name: \"\"");
		cur_ruleset = -1;
		return;
	}
	n = ruleset_enter(cf, s, true);
	cur_ruleset = n;
	if (n >= 0)
		cf->rs[n].used = true;
}

/* resolve "$> name" references now so rules run fast; names not yet
 * declared get numbers as the reference does on first mention */
static void bind_calls(cf_t *cf, tokvec_t *tv)
{
	size_t i;
	for (i = 0; i < tv->n; i++) {
		if (tv->v[i].op != OP_CALL)
			continue;
		if (i + 1 >= tv->n || tv->v[i + 1].op != OP_WORD) {
			tv->v[i].arg = -2;    /* computed at run time */
			continue;
		}
		tv->v[i].arg = (short)cf_ruleset_lookup_quoted(cf, tv->v[i + 1].s);
	}
}

void cf_bind_all_calls(cf_t *cf)
{
	int i;
	size_t j;
	for (i = 0; i < MAXRWSETS; i++)
		for (j = 0; j < cf->rs[i].n; j++)
			if (!cf->rs[i].rules[j].pending)
				bind_calls(cf, &cf->rs[i].rules[j].rhs);
	cf->calls_bound = true;   /* rules tokenized later bind their own */
}

/* what a workspace must have for the left side to match (see tokset) */
static void rule_prepare(rule_t *r)
{
	size_t i;
	tokset_clear(&r->need);
	r->minlen = 0;
	r->nbind = 0;
	r->lookups = r->calls = false;
	for (i = 0; i < r->rhs.n; i++) {
		int op = r->rhs.v[i].op;
		if (op == OP_HBEGIN || op == OP_LBEGIN)
			r->lookups = true;
		else if (op == OP_CALL)
			r->calls = true;
	}
	r->literal_first = r->lhs.n > 0 && (r->lhs.v[0].op == OP_WORD || r->lhs.v[0].op == OP_NET ||
					     r->lhs.v[0].op == OP_USER || r->lhs.v[0].op == OP_CONDELSE);
	for (i = 0; i < r->lhs.n; i++) {
		const tok_t *t = &r->lhs.v[i];
		switch (t->op) {
		case OP_ZANY:
			r->nbind++;
			break;
		case OP_HOST: case OP_DEFER:
			break;
		case OP_ANY: case OP_ONE: case OP_CLASS: case OP_NCLASS:
			r->minlen++;
			r->nbind++;
			break;
		default:
			r->minlen++;
			tokset_add(&r->need, t);
		}
	}
}

/* the checks the reference makes on a rule when reading it */
static int rule_check(cf_t *cf, const rule_t *r)
{
	size_t i;
	int wild = 0, lk = 0;
	bool repl = false;

	for (i = 0; i < r->lhs.n; i++)
		switch (r->lhs.v[i].op) {
		case OP_ZANY: case OP_ANY: case OP_ONE: case OP_CLASS: case OP_NCLASS:
			wild++;
			break;
		case OP_REPL:
			repl = true;
		}
	if (repl)
		cf_err(cf, "Inappropriate use of $1-$9 on LHS");
	if (wild > 9) {
		cf_err(cf, "R line: too many wildcards");
		return -1;
	}
	for (i = 0; i < r->rhs.n; i++) {
		const tok_t *t = &r->rhs.v[i];
		if (t->op == OP_REPL && t->arg > wild) {
			cf_err(cf, "replacement $%d out of bounds", t->arg);
			return -1;
		}
		if (t->op == OP_HBEGIN || t->op == OP_LBEGIN)
			lk++;
		else if ((t->op == OP_HEND || t->op == OP_LEND) && lk > 0)
			lk--;
	}
	if (lk > 0) {
		cf_err(cf, "missing map closing token");
		return -1;
	}
	return 0;
}

/* the rule's sides kept as text when they can be tokenized later with
 * the same result; its checks made now, on their operators.  1 when
 * kept (or refused by the checks), 0 when it must be parsed now */
static int defer_rule(cf_t *cf, rule_t *r, const char *lhs, const char *rhs)
{
	static tokvec_t opl, opr;
	rule_t ops;

	if (!rule_side_ops(cf, lhs, &opl) || !rule_side_ops(cf, rhs, &opr))
		return 0;
	memset(&ops, 0, sizeof ops);
	ops.lhs = opl;
	ops.rhs = opr;
	if (rule_check(cf, &ops) < 0)
		return -1;
	r->src_lhs = arena_dup(&cf->ar, lhs, strlen(lhs));
	r->src_rhs = arena_dup(&cf->ar, rhs, strlen(rhs));
	r->pending = true;
	cf->npending++;
	return 1;
}

void cf_rule_ready_slow(cf_t *cf, rule_t *r)
{
	r->pending = false;
	cf->npending--;
	rule_parse_side(cf, r->src_lhs, 1, &r->lhs);
	rule_parse_side(cf, r->src_rhs, 0, &r->rhs);
	rule_prepare(r);
	if (cf->calls_bound)
		bind_calls(cf, &r->rhs);
}

void cf_ruleset_ready(cf_t *cf, int n)
{
	size_t j;

	if (cf->npending == 0 || n < 0 || n >= MAXRWSETS)
		return;
	for (j = 0; j < cf->rs[n].n; j++)
		cf_rule_ready(cf, &cf->rs[n].rules[j]);
}

void cf_rules_ready(cf_t *cf)
{
	int i;

	for (i = 0; i < MAXRWSETS && cf->npending > 0; i++)
		cf_ruleset_ready(cf, i);
}

static void line_R(cf_t *cf, char *p)
{
	char *lhs = p, *rhs, *end;

	cf->opt.rules_seen = true;
	ruleset_t *rs;
	rule_t *r;
	int d;

	if (cur_ruleset < 0) {
		cf_err(cf, "missing valid ruleset for \"R%s\"", p);
		return;
	}
	rhs = strchr(lhs, '\t');
	if (rhs == NULL) {
		/* shown as the reference shows it, '$' already translated */
		char *q;
		for (q = p; *q; q++)
			if (*q == '$')
				*q = '\001';
		cf_err(cf, "invalid rewrite line \"R%s\" (tab expected)", p);
		return;
	}
	*rhs++ = '\0';
	while (*rhs == '\t')
		rhs++;
	end = strchr(rhs, '\t');
	if (end)
		*end = '\0';
	rs = &cf->rs[cur_ruleset];
	rs->rules = xgrow(rs->rules, &rs->cap, rs->n + 1, sizeof(rule_t));
	r = &rs->rules[rs->n];
	memset(r, 0, sizeof *r);
	r->line = cf_lineno;
	d = defer_rule(cf, r, lhs, rhs);
	if (d != 0) {
		if (d > 0)
			rs->n++;
		return;
	}
	if (rule_parse_side(cf, lhs, 1, &r->lhs) < 0 ||
	    rule_parse_side(cf, rhs, 0, &r->rhs) < 0 || rule_check(cf, r) < 0) {
		/* the sides' tokens stay in the cf's arena */
		tv_init(&r->lhs);
		tv_init(&r->rhs);
		return;
	}
	rule_prepare(r);
	rs->n++;
}

/* ------------------------------------------------------------ D C F */

static void line_D(cf_t *cf, char *p)
{
	const char *q = p;
	int id = macid_parse(&q);
	if (id < 0) {
		cf_err(cf, "Name required for macro/class");
		return;
	}
	mac_define(&cf->mac, id, q);
}

static void add_words(int id, const char *s)
{
	char word[MAXNAME * 4];
	while (*s) {
		size_t n = 0;
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
			if (n + 1 < sizeof word)
				word[n++] = *s;
			s++;
		}
		word[n] = '\0';
		if (n > 0)
			class_add(id, word);
	}
}

struct copyarg { int id; };
static void copy_member(const char *w, void *arg)
{
	class_add(((struct copyarg *)arg)->id, w);
}

static void line_C(cf_t *cf, char *p)
{
	const char *q = p;
	int id = macid_parse(&q);
	buf_t exp = BUF_INIT(0);
	const char *s;

	if (id < 0) {
		cf_err(cf, "Name required for macro/class");
		return;
	}
	/* "$=X" copies the members of class X */
	for (s = q; *s; s++) {
		if (s[0] == '$' && s[1] == '=') {
			const char *t = s + 2;
			struct copyarg ca = { id };
			int src = macid_parse(&t);
			if (src >= 0)
				class_each(src, copy_member, &ca);
			s = t - 1;
			continue;
		}
		buf_addc(&exp, *s);
	}
	{
		buf_t e2 = BUF_INIT(0);
		cf_expand(cf, buf_str(&exp), &e2);
		add_words(id, buf_str(&e2));
		buf_free(&e2);
	}
	buf_free(&exp);
}

static void read_class_file(cf_t *cf, int id, const char *path, const char *fmt, bool optional)
{
	FILE *f;
	char line[4096];

	if (path[0] == '|') {
		f = popen(path + 1, "r");
	} else
		f = fopen(path, "r");
	if (f == NULL) {
		if (!optional)
			cf_err(cf, "fileclass: cannot open '%s': %s", path, strerror(errno));
		return;
	}
	while (fgets(line, sizeof line, f)) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (fmt && *fmt) {
			char word[4096];
			if (sscanf(line, fmt, word) == 1)  /* fmt is admin-supplied, one %s/%[ */
				add_words(id, word);
		} else
			add_words(id, line);
	}
	if (path[0] == '|')
		pclose(f);
	else
		fclose(f);
}

static void line_F(cf_t *cf, char *p)
{
	const char *q = p;
	int id = macid_parse(&q);
	bool optional = false;
	char *path, *fmt = NULL;
	buf_t e = BUF_INIT(0);

	if (id < 0) {
		cf_err(cf, "Name required for macro/class");
		return;
	}
	while (*q == ' ' || *q == '\t')
		q++;
	if (q[0] == '-' && q[1] == 'o') {
		optional = true;
		q += 2;
		while (*q == ' ' || *q == '\t')
			q++;
	}
	cf_expand(cf, q, &e);
	path = e.p ? e.p : (char *)"";
	if (path[0] != '|') {
		char *sp = strpbrk(path, " \t");
		if (sp) {
			*sp++ = '\0';
			while (*sp == ' ' || *sp == '\t')
				sp++;
			fmt = sp;
		}
	}
	read_class_file(cf, id, path, fmt, optional);
	buf_free(&e);
}

/* ------------------------------------------------------------ O K T H */

void (*cf_fatal_exit)(int status) = exit;

/* option messages: the options module says what kind each one is */
void cf_opt_err(const char *msg, void *arg)
{
	cf_t *cf = arg;
	switch (cf->opt.msgkind) {
	case OMK_NOTE:
		printf("%s\n", msg);
		return;
	case OMK_WARN:
	case OMK_USRERR:
		if (cf->file && cf_lineno > 0)
			printf("%s: line %d: ", cf->file, cf_lineno);
		printf("%s\n", msg);
		return;
	default:   /* system errors and fatal ones */
		cf_err(cf, "%s", msg);
	}
}

/* an O line, or an -O/-o option when cf_lineno is 0 */
int cf_option(cf_t *cf, const char *body)
{
	int r = opt_set_line(&cf->opt, body, cf_opt_err, cf);

	if (r == OPT_MACRO) {
		char *copy = xstrdup(body + 1);
		line_D(cf, copy);
		free(copy);
		return OPT_OK;
	}
	if (r == OPT_FATAL) {
		fflush(stdout);
		cf_fatal_exit(EX_USAGE);
		return OPT_ERR;   /* only when a test replaced the exit */
	}
	if (r == OPT_OK) {
		const char *ops = opt_str(&cf->opt, OPT_OperatorChars);
		if (ops && scan_operators_differ(ops)) {
			/* rules read so far tokenize with the old ones */
			cf_rules_ready(cf);
			scan_set_operators(ops);
		}
	}
	return r;
}

static void line_O(cf_t *cf, char *p)
{
	cf_option(cf, p);
}

static void map_err(const char *msg, void *arg)
{
	cf_err((cf_t *)arg, "%s", msg);
}

static void line_K(cf_t *cf, char *p)
{
	map_declare(p, map_err, cf);
}

static void line_T(cf_t *cf, char *p)
{
	char *tok, *save = NULL;
	for (tok = strtok_r(p, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		cf->trusted = xrealloc(cf->trusted, (cf->ntrusted + 1) * sizeof(char *));
		cf->trusted[cf->ntrusted++] = xstrdup(tok);
	}
}

static void line_H(cf_t *cf, char *p)
{
	if (*p == '\0' || strchr(p, ':') == NULL) {
		cf_err(cf, "header syntax error, line \"%s\"", p);
		return;
	}
	cf->headers = xrealloc(cf->headers, (cf->nheaders + 1) * sizeof(char *));
	cf->headers[cf->nheaders++] = xstrdup(p);
}

/* "Pname=number": a Precedence: value and its message class */
static void line_P(cf_t *cf, const char *p)
{
	const char *eq = strchr(p, '=');
	cf_prec_t *pr;

	cf->prec = xgrow(cf->prec, &cf->prec_cap, cf->nprec + 1, sizeof *cf->prec);
	pr = &cf->prec[cf->nprec++];
	pr->name = xstrndup(p, (size_t)(eq - p));
	pr->class = strtol(eq + 1, NULL, 10);
}

static void line_V(cf_t *cf, char *p)
{
	char *slash = strchr(p, '/');
	cf->version = atoi(p);
	if (cf->version > 10) {
		printf("Warning: .cf version level (%d) exceeds sendmail version %s functionality (%d)\n",
		       cf->version, "8.17.1.9", 10);
		cf->exitstat = EX_SOFTWARE;
	}
	if (slash) {
		free(cf->vendor);
		cf->vendor = xstrdup(slash + 1);
	}
}

/* ------------------------------------------------------------ dispatch */

void cf_line(cf_t *cf, char *line, int lineno)
{
	cf_lineno = lineno;
	switch (line[0]) {
	case '\0': case '#':
		return;
	case 'R': line_R(cf, line + 1); return;
	case 'S': line_S(cf, line + 1); return;
	case 'D': line_D(cf, line + 1); return;
	case 'C': line_C(cf, line + 1); return;
	case 'F': line_F(cf, line + 1); return;
	case 'O': line_O(cf, line + 1); return;
	case 'M': mailer_parse_line(cf, line + 1); return;
	case 'K': line_K(cf, line + 1); return;
	case 'T': line_T(cf, line + 1); return;
	case 'H': line_H(cf, line + 1); return;
	case 'V': line_V(cf, line + 1); return;
	case 'X':
		if (line[1] == '\0' || isspace((unsigned char)line[1]))
			cf_err(cf, "name required for mail filter");
		return;
	case 'Q':
		if (line[1] == '\0' || isspace((unsigned char)line[1]))
			cf_err(cf, "name required for queue");
		return;
	case 'P':
		if (line[1] == '\0' || strchr(line, '=') == NULL)
			cf_err(cf, "unknown configuration line \"%s\"", line);
		else
			line_P(cf, line + 1);
		return;
	case 'E': case 'L':
		return;  /* recorded by later subsystems */
	default:
		if (isspace((unsigned char)line[0]))
			return;
		cf_err(cf, "unknown configuration line \"%s\"", line);
	}
}

int cf_read(cf_t *cf, const char *path, bool safe)
{
	cf_lines_t *r = xmalloc(sizeof *r);
	buf_t line = BUF_INIT(1024 * 1024);
	int lineno = 0, start = 0;
	char *p;

	(void)safe;
	cf->file = path;
	if (cfl_open(r, path) < 0) {
		int err = errno;
		free(r);
		errno = err;            /* the caller says so (cf_read's users) */
		return -1;
	}
	while ((p = cfl_next(r, &line, &lineno, &start)) != NULL)
		cf_line(cf, p, start);
	cf_lineno = 0;
	cf_bind_all_calls(cf);
	cfl_close(r);
	free(r);
	buf_free(&line);
	return 0;
}

long cf_prec_class(const cf_t *cf, const char *name, bool *found)
{
	for (size_t i = 0; i < cf->nprec; i++)
		if (strcasecmp(cf->prec[i].name, name) == 0) {
			*found = true;
			return cf->prec[i].class;
		}
	*found = false;
	return 0;
}
