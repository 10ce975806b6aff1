/* dl_table.h - a shared library opened with dlopen() on first use and a
 * table of its functions filled from it: every function or none.
 *
 * Used for the libraries almost no submission needs (libldap, libsasl2):
 * linking them makes every sendmail start-up load them, relocate them and
 * run their constructors. */
#ifndef SM_LIB_DL_TABLE_H
#define SM_LIB_DL_TABLE_H
#include <stdbool.h>
#include <stddef.h>

typedef struct dl_slot {
	const char *name;    /* symbol */
	size_t off;          /* offset of its pointer in the table */
} dl_slot_t;

typedef struct dl_table {
	const char *const *sonames;    /* tried in order */
	size_t nsonames;
	const dl_slot_t *slots;
	size_t nslots;
	void *table;                   /* filled only when every symbol is found */
	size_t size;
	int state;                     /* 0 not tried, 1 loaded, -1 failed */
} dl_table_t;

/* load once; true when the table is filled */
bool dl_table_load(dl_table_t *t);

#endif
