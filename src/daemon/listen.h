/* listen.h - the daemon's listening sockets, one per DaemonPortOptions
 * setting ("Name=MTA, Port=smtp, Addr=127.0.0.1, Family=inet, M=Ea,
 * Listen=10"): parsing the settings and opening, closing them. */
#ifndef SM_LISTEN_H
#define SM_LISTEN_H
#include <stdbool.h>
#include <sys/socket.h>

#define MAX_LISTENERS 16
#define LISTEN_BACKLOG 1024   /* our default for Listen= (doc/differences.md) */

typedef struct listener {
	char name[64];            /* Name=, default "Daemon<n>" */
	char mods[32];            /* Modifiers= letters */
	char flags[64];           /* ${daemon_flags}: the letters, blank separated */
	int family;               /* AF_INET / AF_INET6 / AF_UNIX (Family=local) */
	struct sockaddr_storage addr;   /* Addr= and Port= */
	socklen_t alen;
	int backlog;              /* Listen= */
	int sndbuf, rcvbuf;       /* SndBufSize=, RcvBufSize= (0: the system's) */
	bool port_set, addr_set;  /* Port=, Addr= were given */
	int fd;                   /* -1 while closed */
} listener_t;

/* the listeners of the option's text (settings one per line; NULL or
 * empty: the default, every IPv4 address, port 25, name MTA).  Also
 * reads ClientPortOptions, whose keys are the same (src/smtpc).  Returns
 * how many, at most max; a setting that cannot be understood is logged
 * and skipped. */
int listeners_parse(const char *text, listener_t *ls, int max);

/* socket, bind, listen; logs the reference's complaint and returns -1 */
int listener_open(listener_t *l);
void listener_close(listener_t *l);
/* closed for good (the daemon stops): a local socket's file goes too */
void listener_remove(listener_t *l);

/* "127.0.0.1" / "IPv6:::1" and the port of an address */
void sockaddr_text(const struct sockaddr_storage *ss, char *host, size_t hlen, unsigned *port);

#endif
