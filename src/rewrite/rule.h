/* rule.h - turning the text of an R line into token vectors. */
#ifndef SM_RULE_H
#define SM_RULE_H
#include "conf/cf.h"

/* Tokenize one side of a rule into out, which must be empty: its tokens
 * then live in the cf's arena (out is never to be freed or grown).  Macros ($x, ${x}) are expanded now,
 * $&x is kept for run time, operators become operator tokens.
 * Returns 0, or -1 after reporting an error through cf_err. */
int rule_parse_side(cf_t *cf, const char *text, int lhs, tokvec_t *out);

#endif
