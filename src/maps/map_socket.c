/* map_socket.c - the socket map class: lookups through a socketmap
 * server (protocol in map_sockio.c).
 *
 * "Kname socket [-dTIMEOUT] unix:/path | local:/path | inet:port@host |
 * inet6:port@host": maps naming the same endpoint share one connection,
 * kept open from lookup to lookup.  As in the reference: the key is
 * lowercased unless -f, quotes kept; "OK value" is a match, NOTFOUND
 * status 68, TEMP and TIMEOUT 75, PERM 69, anything else 76; a refused
 * connection fails temporarily without a message; a bad reply or a
 * read timeout (-d, seconds) is reported, fails temporarily and drops
 * the connection, which the next lookup opens again.  Unlike the
 * reference, without -d a read gives up after SOCK_TIMEOUT seconds. */
#include "maps/map.h"
#include "maps/map_sockio.h"
#include "maps/map_sockconn.h"
#include "conf/options.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define SOCK_TIMEOUT 300

typedef struct sockh {
	long timeout;          /* -d */
	sockconn_t *conn;
} sockh_t;

static sockh_t *sock_handle(map_t *m)
{
	if (m->handle == NULL)
		m->handle = xcalloc(1, sizeof(sockh_t));
	return m->handle;
}

static int sock_flag(map_t *m, int f, const char **pp)
{
	const char *s = *pp, *e = s;
	char *w;

	if (f != 'd')
		return -1;
	while (*e && *e != ' ' && *e != '\t')
		e++;
	w = xstrndup(s, (size_t)(e - s));
	sock_handle(m)->timeout = opt_convtime(w, 's');
	free(w);
	*pp = e;
	return 0;
}

static int sock_parse_rest(map_t *m, const char *rest)
{
	sock_handle(m);
	return map_parse_filename(m, rest);
}

static int sock_open(map_t *m)
{
	sockh_t *h = sock_handle(m);

	if (m->file == NULL)
		return MAP_UNAVAIL;
	if (h->conn == NULL)
		h->conn = sockconn_get(m->file);
	return sockconn_connect(h->conn, m->name) == 0 ? MAP_OK : MAP_TEMPFAIL;
}

/* the reply "STATUS value": the status, value in val */
static int sock_status(const buf_t *reply, const char **val, size_t *vlen)
{
	const char *p = buf_str(reply), *sp = memchr(p, ' ', reply->len);
	size_t wl = sp ? (size_t)(sp - p) : reply->len;

	*val = sp ? sp + 1 : p + reply->len;
	*vlen = reply->len - (size_t)(*val - p);
	if (wl == 2 && strncmp(p, "OK", 2) == 0)
		return MAP_OK;
	if (wl == 8 && strncmp(p, "NOTFOUND", 8) == 0)
		return MAP_NOTFOUND;
	if ((wl == 4 && strncmp(p, "TEMP", 4) == 0) || (wl == 7 && strncmp(p, "TIMEOUT", 7) == 0))
		return MAP_TEMPFAIL;
	if (wl == 4 && strncmp(p, "PERM", 4) == 0)
		return MAP_UNAVAIL;
	return EX_PROTOCOL;
}

/* send and read one reply; MAP_OK with the reply in out, else a status */
static int sock_ask(map_t *m, sockh_t *h, const char *key, buf_t *reply)
{
	int rc;

	if (sockconn_fd(h->conn) < 0 && sockconn_connect(h->conn, m->name) < 0)
		return MAP_TEMPFAIL;
	if (sockio_send(sockconn_fd(h->conn), m->name, key) < 0) {
		map_syserr(0, "socket_map_lookup(%s): failed to send lookup request", m->name);
		sockconn_drop(h->conn);
		return MAP_TEMPFAIL;
	}
	rc = sockio_reply(sockconn_fd(h->conn), (int)(h->timeout > 0 ? h->timeout : SOCK_TIMEOUT),
			  m->name, reply);
	if (rc != 0)
		sockconn_drop(h->conn);
	return rc == 0 ? MAP_OK : MAP_TEMPFAIL;
}

static int sock_lookup(map_t *m, const char *key, const char **args, int nargs,
		       buf_t *out, int *stat)
{
	sockh_t *h = m->handle;
	buf_t reply = BUF_INIT(SOCK_MAXREPLY + 1);
	char *k = xstrdup(key);
	const char *val;
	size_t vlen;

	if (!(m->flags & MF_NOFOLDCASE))
		sm_lower(k);
	*stat = sock_ask(m, h, k, &reply);
	if (*stat == MAP_OK)
		*stat = sock_status(&reply, &val, &vlen);
	if (*stat == MAP_OK) {
		if (m->flags & MF_MATCHONLY)
			map_rewrite(m, k, strlen(k), key, args, nargs, out);
		else
			map_rewrite(m, val, vlen, key, args, nargs, out);
	}
	buf_free(&reply);
	free(k);
	return *stat == MAP_OK;
}

static void sock_close(map_t *m)
{
	sockh_t *h = m->handle;

	if (h->conn)
		sockconn_put(h->conn);
	free(h);
	m->handle = NULL;
}

const map_class_t map_class_socket = {
	"socket", sock_flag, sock_parse_rest, sock_open, NULL, sock_lookup, sock_close,
	MF_KEEPQUOTES
};
