/* makemap.h - the state of one makemap run, shared by its parts:
 * main.c (options, map type), build.c (reading stdin into the map),
 * dump.c (-u). */
#ifndef SM_MAKEMAP_H
#define SM_MAKEMAP_H
#include <stdbool.h>
#include "maps/db_write.h"
#include "maps/mapsrc.h"

typedef struct makemap {
	const char *map;        /* map name as given */
	const char *type;       /* type name as given */
	const char *cf;         /* -C */
	dbw_opts_t dbo;
	mapsrc_syntax_t syn;
	bool nul;               /* -N */
	bool replace;           /* -r */
	bool verbose;           /* -v */
	bool unsafe_ok;         /* -s */
	bool append;            /* -o */
	bool dump;              /* -u */
} makemap_t;

/* open the map for mm's mode; exits with the reference's message on error */
dbw_t *makemap_open(const makemap_t *mm);
/* read stdin into the map: the exit status */
int makemap_build(const makemap_t *mm);
/* print the map: the exit status */
int makemap_dump(const makemap_t *mm);
/* "makemap: " + message on stderr, after flushing stdout */
void makemap_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
