/* map_sockio.c - the socketmap wire protocol: a request is the
 * netstring "<len>:<map> <key>,", a reply the netstring "<len>:<STATUS>
 * <value>,".  Replies are read with a timeout on every read and a limit
 * on their length; each way a reply can be wrong gets the reference's
 * message (the caller then drops the connection). */
#include "maps/map_sockio.h"
#include "maps/map.h"
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct rd {
	int fd, timeout;
	int err;          /* errno of the failed read: EAGAIN for a timeout */
} rd_t;

int sockio_send(int fd, const char *mapname, const char *key)
{
	buf_t b = BUF_INIT(0);
	size_t off = 0;
	int rc = 0;

	buf_printf(&b, "%zu:%s %s,", strlen(mapname) + 1 + strlen(key), mapname, key);
	while (rc == 0 && off < b.len) {
		ssize_t n = send(fd, b.p + off, b.len - off, MSG_NOSIGNAL);
		if (n > 0)
			off += (size_t)n;
		else if (n < 0 && errno != EINTR)
			rc = -1;
	}
	buf_free(&b);
	return rc;
}

/* up to n bytes; 0 at EOF, -1 on timeout or error (r->err set) */
static ssize_t rd_some(rd_t *r, char *p, size_t n)
{
	struct pollfd pf = { r->fd, POLLIN, 0 };
	ssize_t got;
	int pr;

	do
		pr = poll(&pf, 1, r->timeout > 0 ? r->timeout * 1000 : -1);
	while (pr < 0 && errno == EINTR);
	if (pr == 0) {
		r->err = EAGAIN;
		return -1;
	}
	do
		got = read(r->fd, p, n);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		r->err = errno;
	return got;
}

/* the length prefix: up to 9 digits, then ':' */
static int rd_length(rd_t *r, const char *mapname, size_t *len, int *first)
{
	char c;
	int nd = 0;
	ssize_t n = 1;

	*len = 0;
	while (nd < 9 && (n = rd_some(r, &c, 1)) == 1 && c >= '0' && c <= '9') {
		*len = *len * 10 + (size_t)(c - '0');
		nd++;
	}
	if (nd < 9 && n < 0) {
		map_syserr(r->err, "socket_map_lookup(%s): read timeout", mapname);
		return -1;
	}
	if (nd == 0 && n == 0) {
		*first = 1;          /* EOF before anything: the peer went away */
		return -1;
	}
	if (nd == 0) {
		map_syserr(0, "socket_map_lookup(%s): failed to read length parameter of reply %d",
			   mapname, 0);
		return -1;
	}
	if (nd == 9 && rd_some(r, &c, 1) != 1)
		c = '\0';
	if (*len > SOCK_MAXREPLY) {
		map_syserr(0, "socket_map_lookup(%s): reply too long: %zu", mapname, *len);
		return -1;
	}
	if (c != ':') {
		map_syserr(0, "socket_map_lookup(%s): missing ':' in reply", mapname);
		return -1;
	}
	return 0;
}

int sockio_reply(int fd, int timeout, const char *mapname, buf_t *out)
{
	rd_t r = { fd, timeout, 0 };
	char tmp[4096], c;
	size_t len, got = 0;
	int first = 0;
	ssize_t n = 1;

	if (rd_length(&r, mapname, &len, &first) < 0)
		return first ? 1 : -1;
	while (got < len && (n = rd_some(&r, tmp, len - got < sizeof tmp ? len - got : sizeof tmp)) > 0) {
		buf_add(out, tmp, (size_t)n);
		got += (size_t)n;
	}
	if (got < len) {
		map_syserr(n < 0 ? r.err : 0,
			   "socket_map_lookup(%s): received only %zu of %zu reply characters",
			   mapname, got, len);
		return -1;
	}
	if (rd_some(&r, &c, 1) != 1 || c != ',') {
		map_syserr(0, "socket_map_lookup(%s): missing ',' in reply", mapname);
		return -1;
	}
	return 0;
}
