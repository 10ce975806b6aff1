/* str.h - small string helpers (case folding, bounded copy). */
#ifndef SM_STR_H
#define SM_STR_H
#include <stdbool.h>
#include <stddef.h>

/* copy at most size-1 bytes and NUL-terminate; returns strlen(src) */
size_t sm_strlcpy(char *dst, const char *src, size_t size);
size_t sm_strlcat(char *dst, const char *src, size_t size);
void sm_lower(char *s);
bool sm_streq_ci(const char *a, const char *b);
int sm_atoi_bounded(const char *s, long lo, long hi, long *out);
/* trim leading/trailing blanks in place, returns start */
char *sm_trim(char *s);

#endif
