/* hoststat.h - persistent host status (the HostStatusDirectory option):
 * one small file per remote host, in a tree of its name's labels in
 * reverse order ("mx.example.net" is net./example./mx under the
 * directory, "198.51.100.10" is 10./100./51./198), written after every
 * connection attempt in the reference's format:
 *
 *     V0            format version
 *     E<errno>      of the last failure, 0 none
 *     H<h_errno>
 *     S<exit>       sysexits status of the last attempt (75 deferred)
 *     D<dsn>        enhanced status code
 *     R<reply>      the last SMTP reply, when there was one
 *     U<time>       when it was written
 *     .
 *
 * A host whose file says it failed less than Timeout.hoststatus ago is
 * not tried again; hoststat (-bh) lists the files, purgestat (-bH) is
 * accepted (the reference 8.17 leaves the files in place). */
#ifndef SM_SMTPC_HOSTSTAT_H
#define SM_SMTPC_HOSTSTAT_H
#include "conf/cf.h"
#include "lib/buf.h"
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

typedef struct hoststat {
	int err, herr, exitstat;
	char dsn[16];
	char reply[512];
	time_t updated;
} hoststat_t;

/* the directory (relative names under QueueDirectory); false when the
 * option is not set */
bool hoststat_dir(cf_t *cf, buf_t *out);
/* host as shown ("mx.example.net.", "[192.0.2.1]") to its file name */
bool hoststat_path(cf_t *cf, const char *host, buf_t *out);
int hoststat_read(const char *path, hoststat_t *h);
void hoststat_save(cf_t *cf, const char *host, const hoststat_t *h);
/* the host failed recently (within Timeout.hoststatus): *h filled */
bool hoststat_down(cf_t *cf, const char *host, hoststat_t *h);

/* sendmail -bh / hoststat, -bH / purgestat: the exit status */
int hoststat_print(cf_t *cf, FILE *out);
int hoststat_purge(cf_t *cf, FILE *out);

#endif
