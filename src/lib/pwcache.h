/* pwcache.h - getpwnam()/getpwuid() answered from a small per-process cache.
 *
 * One submission asks about the same two or three users a dozen times
 * (the recipient is known? its .forward, its mailer's ids; the
 * submitter for the log and the headers); each libc lookup reads and
 * parses /etc/passwd again (six system calls).  Answers, "no such user"
 * included, are kept for PWC_TTL seconds, so a long-lived process (the
 * daemon, a persistent queue runner) still sees a changed passwd file.
 * An entry returned stays valid at least until the next lookup (as
 * libc's); callers must not modify it. */
#ifndef SM_LIB_PWCACHE_H
#define SM_LIB_PWCACHE_H
#include <pwd.h>
#include <stdbool.h>
#include <sys/types.h>

#define PWC_TTL 2   /* seconds */

struct passwd *pwc_getpwnam(const char *name);
/* load the passwd name service's modules (before forking children) */
void pwc_preload(void);
struct passwd *pwc_getpwuid(uid_t uid);
void pwc_flush(void);

#endif
