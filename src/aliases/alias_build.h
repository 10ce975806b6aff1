/* alias_build.h - rebuilding one alias database (alias_build.c). */
#ifndef SM_ALIAS_BUILD_H
#define SM_ALIAS_BUILD_H
#include <stdbool.h>
#include "conf/cf.h"

/* one AliasFile entry newaliases can rebuild */
typedef struct alias_src {
	const char *file;    /* the text file; the database is file.db */
	int hash;            /* 1 hash (also implicit), 0 btree */
	bool fold;           /* keys lowercased (no -f) */
	long owner;          /* TrustedUser uid, or -1 */
} alias_src_t;

void alias_rebuild(cf_t *cf, const alias_src_t *src);
/* syslog as "sendmail[pid]" on the mail facility */
void alias_syslog(int prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
