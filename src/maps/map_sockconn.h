/* map_sockconn.h - socketmap connections, one per endpoint spec, shared
 * by the socket maps that name it. */
#ifndef SM_MAP_SOCKCONN_H
#define SM_MAP_SOCKCONN_H

typedef struct sockconn sockconn_t;

sockconn_t *sockconn_get(const char *spec);   /* reference counted */
void sockconn_put(sockconn_t *c);
/* connect unless connected: 0 ok, -1 failed (spec errors reported for
 * map mapname, a refused connection silently) */
int sockconn_connect(sockconn_t *c, const char *mapname);
int sockconn_fd(const sockconn_t *c);         /* -1 when not connected */
void sockconn_drop(sockconn_t *c);            /* close after an error */

#endif
