/* map_sockio.h - the socketmap wire protocol over a connected socket. */
#ifndef SM_MAP_SOCKIO_H
#define SM_MAP_SOCKIO_H
#include "lib/buf.h"

#define SOCK_MAXREPLY 1000000   /* longest reply accepted, bytes */

/* send "<len>:<mapname> <key>,"; 0 ok, -1 failed */
int sockio_send(int fd, const char *mapname, const char *key);
/* read one netstring reply into out, waiting at most timeout seconds
 * for each read; 0 ok, 1 the peer closed before replying, -1 a
 * protocol error or timeout, already reported with the reference's
 * message for map mapname */
int sockio_reply(int fd, int timeout, const char *mapname, buf_t *out);

#endif
