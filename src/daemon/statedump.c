/* statedump.c - what a daemon logs on SIGUSR1 (at mail.debug, NOQUEUE),
 * in the reference's form: "--- dumping state on user signal: $j = HOST
 * ---", the number of children, one line per open descriptor (flags, mode,
 * type, device, inode, links, owner, size; for a socket its two ends),
 * the connection cache (a daemon keeps none) and "--- end of state dump
 * ---".  Called from the main loop, never from the handler. */
#include "daemon/daemon.h"
#include "lib/buf.h"
#include "log/log.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <stddef.h>
#include <sys/un.h>
#include <unistd.h>

#define DUMP_MAX_FD 256      /* descriptors looked at */

static void dlog(const char *line)
{
	sm_log_id(0, LOG_DEBUG, "", "%s", line);
}

/* "localhost/2525", "[192.0.2.1]/25", "[[UNIX: /dev/log]]" */
static void sock_end(const struct sockaddr_storage *ss, socklen_t len, buf_t *out)
{
	char host[NI_MAXHOST], serv[NI_MAXSERV];

	if (ss->ss_family == AF_UNIX) {
		const struct sockaddr_un *u = (const struct sockaddr_un *)ss;
		if (len > offsetof(struct sockaddr_un, sun_path) && u->sun_path[0])
			buf_printf(out, "[[UNIX: %.*s]]", (int)sizeof u->sun_path, u->sun_path);
		else
			buf_adds(out, "localhost");
		return;
	}
	if (getnameinfo((const struct sockaddr *)ss, len, host, sizeof host, serv, sizeof serv,
			NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		buf_adds(out, "(unknown)");
		return;
	}
	if (strcmp(host, "127.0.0.1") == 0 || strcmp(host, "::1") == 0)
		buf_adds(out, "localhost");
	else
		buf_printf(out, "[%s]", host);
	if (strcmp(serv, "0") != 0)
		buf_printf(out, "/%s", serv);
}

static void sock_desc(int fd, buf_t *out)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;

	buf_adds(out, "SOCK ");
	if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0)
		sock_end(&ss, len, out);
	buf_adds(out, "->");
	len = sizeof ss;
	if (getpeername(fd, (struct sockaddr *)&ss, &len) == 0)
		sock_end(&ss, len, out);
	else
		buf_printf(out, "(%s)", strerror(errno));
}

static const char *type_of(mode_t m)
{
	return S_ISCHR(m) ? "CHR: " : S_ISBLK(m) ? "BLK: " : S_ISFIFO(m) ? "FIFO: "
	       : S_ISDIR(m) ? "DIR: " : "";
}

static void fd_line(int fd)
{
	struct stat st;
	int fl = fcntl(fd, F_GETFL);
	buf_t l = BUF_INIT(1024);

	if (fl < 0 || fstat(fd, &st) != 0)
		return;
	buf_printf(&l, "%3d: fl=0x%x, mode=%o: ", fd, (unsigned)fl, (unsigned)st.st_mode);
	if (S_ISSOCK(st.st_mode))
		sock_desc(fd, &l);
	else
		buf_printf(&l, "%sdev=%u/%u, ino=%lu, nlink=%lu, u/gid=%u/%u, size=%lld",
			   type_of(st.st_mode), major(st.st_dev), minor(st.st_dev),
			   (unsigned long)st.st_ino, (unsigned long)st.st_nlink,
			   (unsigned)st.st_uid, (unsigned)st.st_gid, (long long)st.st_size);
	dlog(buf_str(&l));
	buf_free(&l);
}

void state_dump(const char *host, int children)
{
	sm_log_id(0, LOG_DEBUG, "", "--- dumping state on user signal: $j = %s ---",
		  host != NULL ? host : "");
	sm_log_id(0, LOG_DEBUG, "", "CurChildren = %d", children);
	dlog("--- open file descriptors: ---");
	for (int fd = 0; fd < DUMP_MAX_FD; fd++)
		fd_line(fd);
	dlog("--- connection cache: ---");
	dlog("--- end of state dump ---");
}
