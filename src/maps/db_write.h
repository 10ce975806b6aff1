/* db_write.h - writing (and dumping) Berkeley DB map files the way the
 * reference's makemap, editmap and newaliases do.
 *
 * Conventions shared by every writer:
 *   - the file is NAME.db (".db" appended unless NAME already ends in it);
 *   - it is opened by us first: created O_EXCL with mode 0640 when missing,
 *     then locked with flock(LOCK_EX) for writers (LOCK_SH for readers) for
 *     as long as the handle lives.  Berkeley DB then opens it by name and,
 *     for a rebuild, truncates it in place.  Readers (map_db.c) take
 *     LOCK_SH, so they never see a half-written file;
 *   - hash files are created with h_nelem 4096 and the file system's page
 *     size, btree files with Berkeley DB's defaults, so db5.3_dump shows
 *     the same header as for the reference's files;
 *   - keys and values are stored as given: callers fold keys
 *     (dbw_fold) and add the trailing NUL (-N, aliases) themselves;
 *     dbw_put_nul stores them with it (the alias database's form);
 *   - a writer's file is flushed to disk before its lock is released.
 * Errors are returned as errno values (Berkeley DB's own codes included,
 * printable with dbw_strerror). */
#ifndef SM_DB_WRITE_H
#define SM_DB_WRITE_H
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef enum { DBW_HASH, DBW_BTREE } dbw_type_t;

typedef enum {
	DBW_READ,      /* read only, shared lock (makemap -u, editmap -q) */
	DBW_UPDATE,    /* read/write, created when missing (editmap -u/-x) */
	DBW_APPEND,    /* makemap -o: the file must exist, entries are added */
	DBW_REBUILD,   /* create or truncate (makemap, newaliases) */
} dbw_mode_t;

typedef struct dbw_opts {
	dbw_type_t type;
	dbw_mode_t mode;
	bool dups;            /* -d: duplicate keys allowed (DB_DUP) */
	size_t cachesize;     /* 0: Berkeley DB's default */
	bool chown_to;        /* give the file to uid/gid (TrustedUser) */
	uid_t uid;
	gid_t gid;
	bool chown_soft;      /* a chown that fails is ignored (newaliases) */
	bool no_nelem;        /* hash: Berkeley DB's default table size */
} dbw_opts_t;

typedef struct dbw dbw_t;

/* put modes */
#define DBW_PUT_NEW      0   /* refuse an existing key: returns DBW_EXISTS */
#define DBW_PUT_REPLACE  1   /* replace the value */
#define DBW_EXISTS      (-1)
#define DBW_NOTFOUND    (-2)

/* NAME -> NAME.db (newly allocated) */
char *dbw_path(const char *name);

/* open path (already ending in .db): 0 and *out, or an errno value */
int dbw_open(dbw_t **out, const char *path, const dbw_opts_t *o);
/* 0, DBW_EXISTS (DBW_PUT_NEW on a present key, no dups), or errno */
int dbw_put(dbw_t *w, const void *k, size_t kl, const void *v, size_t vl, int how);
/* key and value stored with a trailing NUL; a present key is replaced
 * and DBW_EXISTS returned (the new value is stored); 0 or errno */
int dbw_put_nul(dbw_t *w, const char *k, size_t kl, const char *v, size_t vl);
/* 0 with *v / *vl pointing into Berkeley DB's memory until the next call,
 * DBW_NOTFOUND, or errno */
int dbw_get(dbw_t *w, const void *k, size_t kl, const void **v, size_t *vl);
/* 0, DBW_NOTFOUND, or errno */
int dbw_del(dbw_t *w, const void *k, size_t kl);
/* every entry in file order; fn returns nonzero to stop (that value is
 * returned); 0 at the end, or an errno value */
typedef int (*dbw_walk_fn)(const void *k, size_t kl, const void *v, size_t vl, void *arg);
int dbw_walk(dbw_t *w, dbw_walk_fn fn, void *arg);
/* flush, close, unlock: 0 or an errno value; w is freed in any case */
int dbw_close(dbw_t *w);

/* lowercase ASCII letters in place (the reference's key folding) */
void dbw_fold(char *s, size_t n);
/* text of an error returned above */
const char *dbw_strerror(int err);

#endif
