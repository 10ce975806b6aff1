/* test_engine.c - the tokenizer, rule matching and rewriting on a small
 * configuration of our own (no DNS, no maps on disk). */
#include "tap.h"
#include "rw_run.h"
#include "conf/cf.h"
#include "conf/class.h"
#include "maps/map.h"
#include "rewrite/rewrite.h"
#include "rewrite/scan.h"
#include "addr/parseaddr.h"
#include <string.h>
#include <sysexits.h>

static cf_t cf;

static void load(const char *const *lines)
{
	int i;
	char buf[512];
	cf_init(&cf);
	CF = &cf;
	for (i = 0; lines[i]; i++) {
		snprintf(buf, sizeof buf, "%s", lines[i]);
		cf_line(&cf, buf, i + 1);
	}
	cf_bind_all_calls(&cf);
}

/* tokens of addr rendered with single blanks between them */
static void tokens(const char *addr, int mode, buf_t *out)
{
	scanner_t sc;
	tokvec_t tv;
	arena_t ar;
	size_t i;

	memset(&sc, 0, sizeof sc);
	sc.mode = mode;
	tv_init(&tv);
	arena_init(&ar);
	if (scan_address(&sc, addr, &tv, &ar) < 0)
		buf_adds(out, "FAIL");
	for (i = 0; i < tv.n; i++) {
		if (i)
			buf_addc(out, ' ');
		tok_render(out, &tv.v[i]);
	}
	tv_free(&tv);
	arena_free(&ar);
}

static void is_tokens(const char *addr, int mode, const char *want)
{
	buf_t b = BUF_INIT(0);
	tokens(addr, mode, &b);
	is_str(buf_str(&b), want, "scan %s", addr);
	buf_free(&b);
}

/* the envelope address of a sender given with a phrase or comment */
static void is_bare(const char *addr, const char *want)
{
	buf_t b = BUF_INIT(0);
	addr_bare(addr, &b);
	is_str(buf_str(&b), want, "bare %s", addr);
	buf_free(&b);
}

static void is_rw(const char *rs, const char *addr, const char *want)
{
	buf_t b = BUF_INIT(0);
	rw_run(&cf, rs, addr, &b);
	is_str(buf_str(&b), want, "%s %s", rs, addr);
	buf_free(&b);
}

static const char *const base[] = {
	"V10",
	"O OperatorChars=.:%@!^/[]+",
	"Cwlocalhost mail.example.com",
	"DjLOCAL.example",
	"Sfocus=10",
	"R$* < $* > $*\t$2",
	"R$+ @ $=w\t$@ $1 < @ $2 . >",
	"R$+ @ $+\t$: $1 < @ $2 >",
	"Sonce",
	"R$+\t$: $1 x",
	"Sloop",
	"R$*\t$1 y",
	"Scall",
	"R$*\t$: $>once $1",
	"Snet",
	"R$+\t$# local $: $1",
	"R$+\t$: never",
	"Sdefer",
	"R$*\t$: $&j",
	"Kdq dequote",
	"Sdq",
	"R$*\t$: $(dq $1 $)",
	"Sclass",
	"R$=w\t$@ yes",
	"R$~w\t$: no",
	NULL
};

int main(void)
{
	buf_t b = BUF_INIT(0);

	plan(24);
	map_register_builtin_classes();
	load(base);
	ok(cf.errors == 0, "base cf loads without errors");

	is_tokens("alice@example.com", SCAN_NOC, "alice @ example . com");
	is_tokens("\"a b\"@x", SCAN_NOC, "\"a b\" @ x");
	is_tokens("foo\\ bar", SCAN_NOC, "foo\\ bar");
	is_tokens("a (c) b", SCAN_NOC, "a ( c ) b");
	is_tokens("a (c) b", SCAN_EXT, "a b");
	is_tokens("alice<bob", SCAN_EXT, "alice < bob >");
	is_tokens("(alice", SCAN_EXT, "FAIL");

	is_rw("focus", "Name <alice @ mail.example.com>", "alice < @ mail . example . com . >");
	is_rw("focus", "bob@remote.example", "bob < @ remote . example >");
	is_rw("once", "a", "a x");
	is_rw("call", "a", "a x");
	is_rw("net", "a", "$# local $: a");
	is_rw("defer", "z", "LOCAL . example");
	is_rw("dq", "\"alice\"", "alice");
	is_rw("class", "localhost", "yes");

	/* a rule that applies itself forever stops and says so */
	{
		FILE *devnull = fopen("/dev/null", "w");
		(void)devnull;
		rw_run(&cf, "loop", "a", &b);
		ok(strlen(buf_str(&b)) > 100, "looping rule stops after its limit");
		if (devnull)
			fclose(devnull);
	}
	is_bare("Bob Smith <bob@example.com>", "bob@example.com");
	is_bare("bob@example.com (Bob)", "bob@example.com");
	is_bare("<bob@example.com>", "bob@example.com");
	is_bare("bob", "bob");
	is_bare("\"B, S\" <\"b s\"@x> (c)", "\"b s\"@x");
	is_bare("(unbalanced", "(unbalanced");
	buf_reset(&b);
	class_add('w', "new.example");
	ok(class_has('w', "NEW.EXAMPLE"), "class membership ignores case");
	buf_free(&b);
	return done_testing();
}
