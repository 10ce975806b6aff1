/* rule.h - turning the text of an R line into token vectors. */
#ifndef SM_RULE_H
#define SM_RULE_H
#include "conf/cf.h"

/* Tokenize one side of a rule into out, which must be empty: its tokens
 * then live in the cf's arena (out is never to be freed or grown).  Macros ($x, ${x}) are expanded now,
 * $&x is kept for run time, operators become operator tokens.
 * Returns 0, or -1 after reporting an error through cf_err. */
int rule_parse_side(cf_t *cf, const char *text, int lhs, tokvec_t *out);

/* The operator tokens of one side (into ops, cleared first) without
 * tokenizing its text: what the checks made when a rule is read need.
 * 1 when the side can be tokenized later with the same result (no macro
 * is expanded, no condition tested: only the text and OperatorChars
 * decide it), 0 when it must be parsed now. */
int rule_side_ops(cf_t *cf, const char *text, tokvec_t *ops);

#endif
