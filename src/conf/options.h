/* options.h - the typed table of sendmail.cf options (O lines, -O/-o).
 *
 * Each option has a long name, the old one-letter name where one exists,
 * a type, and the reference's compiled-in default.  Values are kept as
 * text and, for numeric types, parsed once when set (time intervals in
 * seconds, sizes in bytes, modes in octal, booleans as 0/1). */
#ifndef SM_OPTIONS_H
#define SM_OPTIONS_H
#include <stdbool.h>

typedef enum opt_type {
	OT_BOOL, OT_INT, OT_SIZE, OT_TIME, OT_MODE, OT_STR, OT_CHAR, OT_LIST, OT_SPECIAL
} opt_type;

typedef enum opt_id {
	OPT_NONE = 0,
#define X(id, name, c, type, dflt) OPT_##id,
#include "conf/options_list.h"
#undef X
	OPT__COUNT
} opt_id;

typedef struct optdef {
	opt_id id;
	const char *name;
	char shortname;
	opt_type type;
	const char *dflt;
} optdef_t;

typedef struct optvals {
	char *raw[OPT__COUNT];
	long num[OPT__COUNT];
	unsigned char set[OPT__COUNT];
} optvals_t;

typedef void (*opt_errfn)(const char *msg, void *arg);

const optdef_t *opt_find(const char *name);      /* long name, any case */
const optdef_t *opt_find_short(int c);
void opt_init(optvals_t *ov);
void opt_free(optvals_t *ov);
/* An O line body: " Name=value" (long form, leading blank) or "Xvalue"
 * (one-letter form).  Returns 0, or -1 after err() with the reference's
 * words.  "OM" (define a macro) is not an option: returns 1 and leaves
 * it to the caller. */
int opt_set_line(optvals_t *ov, const char *body, opt_errfn err, void *arg);
int opt_set(optvals_t *ov, const optdef_t *d, const char *value, opt_errfn err, void *arg);
const char *opt_str(const optvals_t *ov, opt_id id);  /* value, default, or NULL if unset */
long opt_num(const optvals_t *ov, opt_id id);
bool opt_bool(const optvals_t *ov, opt_id id);
bool opt_is_set(const optvals_t *ov, opt_id id);

/* parse a time interval like "1h30m" (default unit as given) in seconds;
 * returns -1 if malformed */
long opt_convtime(const char *p, int unit);

#endif
