/* test_lazyrules.c - rules checked when read, tokenized on first use:
 * the same errors at the same time, the same tokens as an eager parse. */
#include "tap.h"
#include "rw_run.h"
#include "conf/cf.h"
#include "maps/map.h"
#include "rewrite/rewrite.h"
#include "rewrite/scan.h"
#include <string.h>

static cf_t cf;

static void line(const char *text, int n)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", text);
	cf_line(&cf, buf, n);
}

static void is_rw(const char *rs, const char *addr, const char *want)
{
	buf_t b = BUF_INIT(0);
	rw_run(&cf, rs, addr, &b);
	is_str(buf_str(&b), want, "%s %s", rs, addr);
	buf_free(&b);
}

int main(void)
{
	const rule_t *r;
	int rs, errs, e[4];
	FILE *save = stdout;

	plan(16);
	map_register_builtin_classes();
	scan_set_operators(".:@[]");
	cf_init(&cf);
	CF = &cf;
	line("V10", 1);
	line("Sops", 2);
	line("Rx%y\t$@ matched", 3);      /* '%' not an operator yet */
	line("DXone", 4);
	line("Smac", 5);
	line("Rfoo\t$@ $X", 6);           /* expands X now */
	line("DXtwo", 7);
	rs = cf_ruleset_lookup(&cf, "ops");
	r = &cf.rs[rs].rules[0];
	ok(r->pending && cf.rs[rs].n == 1, "a rule without macros is kept as text");
	r = &cf.rs[cf_ruleset_lookup(&cf, "mac")].rules[0];
	ok(!r->pending && r->rhs.n == 2, "a rule expanding a macro is parsed when read");

	/* checks on the operators, at read time, with the reference's words */
	stdout = fopen("/dev/null", "w");   /* cf_err writes there */
	line("Serr", 8);
	errs = cf.errors;
	line("R$1\t$@ x", 9);
	e[0] = cf.errors - errs;
	line("R$*\t$2", 10);
	e[1] = cf.errors - errs;
	line("R$*\t$[ $1", 11);
	e[2] = cf.errors - errs;
	line("R$* $* $* $* $* $* $* $* $* $*\t$1", 12);
	e[3] = cf.errors - errs;
	fclose(stdout);
	stdout = save;
	ok(e[0] == 1, "$1 on a left side: reported when read");
	ok(e[1] == 2, "replacement out of bounds: reported when read");
	ok(e[2] == 3, "unclosed map: reported when read");
	ok(e[3] == 4, "too many wildcards: reported when read");
	rs = cf_ruleset_lookup(&cf, "err");
	ok(cf.rs[rs].n == 1, "refused rules are not kept (the $1 one is, as the reference)");

	/* OperatorChars changed after the rules: they keep the old ones */
	stdout = fopen("/dev/null", "w");
	line("O OperatorChars=.:%@!^/[]+", 13);
	fclose(stdout);
	stdout = save;
	r = &cf.rs[cf_ruleset_lookup(&cf, "ops")].rules[0];
	ok(!r->pending, "a change of OperatorChars tokenizes the rules read before");
	ok(r->lhs.n == 1 && strcmp(r->lhs.v[0].s, "x%y") == 0, "... with the operators of their time");
	is_rw("ops", "x%y", "x % y");

	line("Scaller", 14);
	line("R$*\t$@ $>later $1", 15);
	line("Sbound", 16);
	line("R$+\t$@ $>bound2 $1", 17);
	line("Sbound2", 18);
	line("R$+\t$@ $1 two", 19);
	cf_bind_all_calls(&cf);
	ok(cf.rs[cf_ruleset_lookup(&cf, "bound")].rules[0].pending,
	   "binding leaves unused rules as text");
	is_rw("bound", "a", "a two");
	cf_ruleset_enter(&cf, "later");
	r = &cf.rs[cf_ruleset_lookup(&cf, "caller")].rules[0];
	ok(!r->pending && r->rhs.v[1].op == OP_CALL && r->rhs.v[1].arg == -1,
	   "a name made after binding: earlier $> still unbound, as an eager parse leaves it");

	is_rw("mac", "foo", "one");
	cf_rules_ready(&cf);
	ok(cf.npending == 0, "cf_rules_ready tokenizes every rule");
	r = &cf.rs[cf_ruleset_lookup(&cf, "bound2")].rules[0];
	ok(r->line == 19 && r->minlen == 1, "a late rule keeps its line and its match data");
	return done_testing();
}
