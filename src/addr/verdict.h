/* verdict.h - a policy ruleset's result as a reply (see verdict.c) */
#ifndef ADDR_VERDICT_H
#define ADDR_VERDICT_H
#include "lib/buf.h"
#include "rewrite/token.h"
#include <stdbool.h>

typedef struct verdict {
	int code;                /* 0: accepted; else the reply code */
	char dsn[16];
	bool dsn_default;        /* the rule gave no enhanced code */
	bool code_default;       /* ... and no reply code either (553) */
	buf_t text;              /* reply text after code and dsn */
	bool discard;
	int exitstat;            /* EX_* the reject sets, 0 none */
} verdict_t;

void verdict_init(verdict_t *v);
void verdict_free(verdict_t *v);
/* v from a rewritten "$# error $@ host $: text" (or "$# discard");
 * prefix != NULL: a 5xx text starts "prefix... " (an address's check) */
void verdict_from_result(const tokvec_t *tv, const char *prefix, verdict_t *v);
/* v from an error's $@ part (NULL: none) and its text ("550 msg", "msg") */
void verdict_error(verdict_t *v, const char *host, const char *text, const char *prefix);

#endif
