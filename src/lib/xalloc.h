/* xalloc.h - allocation that cannot fail silently.
 * Every allocator here either returns memory or terminates the process
 * with EX_OSERR after logging "out of memory"; callers never check NULL. */
#ifndef SM_XALLOC_H
#define SM_XALLOC_H
#include <stddef.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t sz);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* grow an array of elements of size sz so that it can hold need elements */
void *xgrow(void *p, size_t *cap, size_t need, size_t sz);

#endif
