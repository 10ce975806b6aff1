/* test_ruletext.c - the rule-text tokenizer (scan_rule_text) against the
 * general one (scan_address in rule mode) on random and chosen texts. */
#include "tap.h"
#include "rewrite/scan.h"
#include <stdlib.h>
#include <string.h>

/* tokens as "tok|tok|..." ; -1 when the tokenizer declined */
static int render(int fast, const char *text, buf_t *out)
{
	tokvec_t tv;
	arena_t ar;
	size_t i;
	int r;

	tv_init(&tv);
	arena_init(&ar);
	if (fast)
		r = scan_rule_text(text, strlen(text), &tv, &ar);
	else {
		scanner_t sc;
		memset(&sc, 0, sizeof sc);
		sc.mode = SCAN_RULE;
		sc.max_token = 4096;
		r = scan_address(&sc, text, &tv, &ar);
	}
	for (i = 0; i < tv.n; i++) {
		buf_add(out, tv.v[i].s, tv.v[i].len);
		buf_addc(out, '|');
	}
	tv_free(&tv);
	arena_free(&ar);
	return r;
}

/* 1 when both agree (or the fast one declined); diagnostics otherwise */
static int same(const char *text, int *declined)
{
	buf_t a = BUF_INIT(0), b = BUF_INIT(0);
	int ok_ = 1;

	if (render(1, text, &a) < 0)
		(*declined)++;
	else if (render(0, text, &b) < 0 || strcmp(buf_str(&a), buf_str(&b)) != 0) {
		diag("text [%s]: fast [%s] general [%s]", text, buf_str(&a), buf_str(&b));
		ok_ = 0;
	}
	buf_free(&a);
	buf_free(&b);
	return ok_;
}

int main(void)
{
	static const char *const chosen[] = {
		"", " < @ ", "abc", "a.b@c", "\"quoted text\"", "\"a\\\"b\" c", "a\\ b", "a\\@b",
		"abc\"def\"ghi", "\"x\"abc", "\\", "a\\", "\"\"", "(a) , ; < >", "x%y!z",
		"\"unclosed", "\"ends in \\", "550 5.7.1 \"Relaying denied\"", "\t\ta\t", NULL,
	};
	static const char alpha[] = "ab\"\\ @.<>(),;:%![]\t-+_=x";
	char text[64];
	int bad = 0, declined = 0, i, k;

	plan(3);
	scan_set_operators(".:%@!^/[]+");
	for (i = 0; chosen[i]; i++)
		bad += !same(chosen[i], &declined);
	ok(bad == 0, "chosen texts: the same tokens");
	ok(declined == 2, "an unclosed quote is left to scan_address (%d declined)", declined);
	srand(1);
	bad = 0;
	for (i = 0; i < 20000; i++) {
		int len = rand() % 20;
		for (k = 0; k < len; k++)
			text[k] = alpha[rand() % (int)(sizeof alpha - 1)];
		text[len] = '\0';
		bad += !same(text, &declined);
	}
	ok(bad == 0, "20000 random texts: the same tokens");
	return done_testing();
}
