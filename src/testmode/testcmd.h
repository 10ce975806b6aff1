/* testcmd.h - shared state of -bt and its "/" commands. */
#ifndef SM_TESTCMD_H
#define SM_TESTCMD_H
#include <stdio.h>
#include "conf/cf.h"
#include "rewrite/rewrite.h"

typedef struct tm {
	cf_t *cf;
	FILE *in, *out;
	const char *tryflags;   /* "HS" etc. */
	char tf[4];
	int exitstat;
	int quit;
} tm_t;

void tm_slash(tm_t *tm, char *line);
void tm_syserr(tm_t *tm, const char *msg);
void tm_rwctx(tm_t *tm, rwctx_t *cx, arena_t *ar);
void tm_scan_err(const char *addr, const char *msg, void *arg);

#endif
