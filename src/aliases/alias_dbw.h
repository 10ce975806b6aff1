/* alias_dbw.h - writing an alias database under an exclusive lock, with
 * the "@" completion marker (see alias_dbw.c). */
#ifndef SM_ALIAS_DBW_H
#define SM_ALIAS_DBW_H
#include <db.h>
#include <stddef.h>

typedef struct alias_dbw {
	DB *db;
	int lockfd;
} alias_dbw_t;

/* create or truncate path (hash or btree); owner >= 0 chowns it.
 * Returns 0 or an errno / Berkeley DB error */
int alias_dbw_open(alias_dbw_t *w, const char *path, int hash, long owner);
int alias_dbw_put(alias_dbw_t *w, const char *key, size_t klen, const char *val,
		  size_t vlen, int *dup);
/* add "@", flush, close and unlock */
int alias_dbw_close(alias_dbw_t *w);
void alias_dbw_abort(alias_dbw_t *w);

#endif
