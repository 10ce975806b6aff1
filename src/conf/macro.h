/* macro.h - macro names, ids and values.
 *
 * Macro and class names share one id space: a single character is its
 * own id (0..255); a long name "{name}" gets an id >= 256 on first use.
 * A one-character long name "{x}" is the same as "x". */
#ifndef SM_MACRO_H
#define SM_MACRO_H
#include <stdbool.h>

#define MACRO_MAX 2048

/* Parse a macro name at *pp ("x" or "{name}"); advances *pp past it.
 * Returns the id, or -1 when no name is there. */
int macid_parse(const char **pp);
/* id for a name given without braces ("x" or "client_addr") */
int macid(const char *name);
/* printable name: "x" or "{name}" */
const char *macname(int id);

typedef struct macros {
	char *val[MACRO_MAX];
} macros_t;

void mac_define(macros_t *m, int id, const char *value);  /* copies; NULL undefines */
const char *mac_get(const macros_t *m, int id);           /* NULL if undefined */
void mac_clear(macros_t *m);

#endif
