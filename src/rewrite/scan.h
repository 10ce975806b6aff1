/* scan.h - the address tokenizer ("prescan").
 *
 * Splits an address into tokens the way sendmail.cf rules see them:
 * operator characters (OperatorChars plus ()<>,;) are tokens of their
 * own, quoted strings and backslash escapes stay inside one token, and
 * blanks separate tokens.  In SCAN_EXT mode (addresses from headers and
 * the envelope) parenthesised comments are dropped; in SCAN_NOC mode
 * (address test mode input) parentheses are ordinary one-character
 * tokens.  Unbalanced quotes and angle brackets are reported and
 * repaired as the reference does; an unbalanced '(' fails the scan. */
#ifndef SM_SCAN_H
#define SM_SCAN_H
#include "rewrite/token.h"

enum scan_mode { SCAN_EXT, SCAN_NOC, SCAN_RULE };

typedef void (*scan_errfn)(const char *addr, const char *msg, void *arg);

typedef struct scanner {
	enum scan_mode mode;
	int delim;              /* extra delimiter (',' for lists) or 0 */
	scan_errfn err;         /* called for each diagnostic */
	void *errarg;
	const char *stop;       /* out: where scanning stopped */
	size_t max_token;       /* bytes; 0 = MAXNAME */
} scanner_t;

/* Returns 0 and appends tokens to out (texts in ar), or -1 on failure. */
int scan_address(scanner_t *sc, const char *addr, tokvec_t *out, arena_t *ar);

/* The plain text of a rule side (n bytes, no NUL) as scan_address
 * tokenizes it in SCAN_RULE mode, when every quote is closed and no token
 * is near the length limit: 0, or -1 (nothing appended) when the caller
 * must use scan_address. */
int scan_rule_text(const char *s, size_t n, tokvec_t *out, arena_t *ar);

/* OperatorChars setting (default ".:%@!^/[]+" semantics per config) */
void scan_set_operators(const char *ops);
/* whether ops would change the operator set */
int scan_operators_differ(const char *ops);
int scan_is_operator(int c);
/* the table behind scan_is_operator (valid once operators are set) */
extern unsigned char scan_special[256];

#endif
