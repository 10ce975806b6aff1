/* qid.c - queue ids (YMDhmsNNppppp), the paths of a message's files, and
 * the QueueFileMode this process creates them with. */
#include "queue/queue.h"
#include "lib/buf.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* the base-60 digits of the id's letters */
static const char B60[] =
	"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx";

static mode_t file_mode = 0600;
static int envelope_no = -1;   /* NN: -1 until the first id */

void queue_set_filemode(mode_t mode)
{
	file_mode = mode & 07777;
}

mode_t queue_filemode(void)
{
	return file_mode;
}

static int next_envelope_no(time_t now)
{
	if (envelope_no < 0)
		envelope_no = (int)(((unsigned long)now ^ ((unsigned long)getpid() * 2654435761u)) % 3600);
	else
		envelope_no = (envelope_no + 1) % 3600;
	return envelope_no;
}

void qid_new(char out[32], time_t now)
{
	struct tm tm;
	buf_t b = BUF_INIT(31);
	int nn = next_envelope_no(now);

	if (localtime_r(&now, &tm) == NULL)
		memset(&tm, 0, sizeof tm);
	buf_addc(&b, B60[tm.tm_year % 60]);
	buf_addc(&b, B60[tm.tm_mon % 60]);
	buf_addc(&b, B60[tm.tm_mday % 60]);
	buf_addc(&b, B60[tm.tm_hour % 60]);
	buf_addc(&b, B60[tm.tm_min % 60]);
	buf_addc(&b, B60[tm.tm_sec % 60]);
	buf_addc(&b, B60[nn / 60]);
	buf_addc(&b, B60[nn % 60]);
	buf_printf(&b, "%06ld", (long)getpid());
	memcpy(out, buf_str(&b), b.len + 1);
	buf_free(&b);
}

int qid_claim(const char *qdir, char out[32], time_t now)
{
	buf_t path = BUF_INIT(4096);
	int fd = -1;

	for (int tries = 0; tries < 3600 && fd < 0; tries++) {
		qid_new(out, now);
		buf_reset(&path);
		qf_path(&path, qdir, 'q', out);
		if (path.overflow) {
			errno = ENAMETOOLONG;
			break;
		}
		fd = open(buf_str(&path), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, file_mode);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) < 0) {
		int e = errno;
		unlink(buf_str(&path));
		close(fd);
		errno = e;
		fd = -1;
	}
	buf_free(&path);
	return fd;
}

static bool is_dir(const char *qdir, const char *sub)
{
	struct stat st;
	buf_t p = BUF_INIT(4096);
	bool r;

	buf_adds(&p, qdir);
	buf_addc(&p, '/');
	buf_adds(&p, sub);
	r = !p.overflow && stat(buf_str(&p), &st) == 0 && S_ISDIR(st.st_mode);
	buf_free(&p);
	return r;
}

/* Which of a queue directory's qf/, df/, xf/ subdirectories exist is
 * looked up once per process and queue directory, as the reference
 * decides its queue layout at start-up (paths are made a dozen times per
 * message, and each look-up was a path walk).  A directory name too long
 * for the table is looked up every time. */
#define SUBDIR_CACHE 8
#define SUBDIR_NAMEMAX 256

typedef struct subdirs {
	char qdir[SUBDIR_NAMEMAX];
	bool has[3];            /* qf, df, xf */
} subdirs_t;

static int subdir_index(int type)
{
	return type == 'd' ? 1 : type == 'x' ? 2 : 0;
}

static const subdirs_t *subdirs_of(const char *qdir)
{
	static subdirs_t cache[SUBDIR_CACHE];
	static int used;
	size_t n = strlen(qdir);
	subdirs_t *c;

	for (int i = 0; i < used; i++)
		if (strcmp(cache[i].qdir, qdir) == 0)
			return &cache[i];
	if (n >= SUBDIR_NAMEMAX || used == SUBDIR_CACHE)
		return NULL;
	c = &cache[used++];
	memcpy(c->qdir, qdir, n + 1);
	c->has[0] = is_dir(qdir, "qf");
	c->has[1] = is_dir(qdir, "df");
	c->has[2] = is_dir(qdir, "xf");
	return c;
}

/* the subdirectory holding files of this type, when the queue has one */
static const char *subdir_of(const char *qdir, int type)
{
	static const char *const names[3] = { "qf", "df", "xf" };
	const subdirs_t *c = subdirs_of(qdir);
	int i = subdir_index(type);

	if (c == NULL)
		return is_dir(qdir, names[i]) ? names[i] : NULL;
	return c->has[i] ? names[i] : NULL;
}

void qf_path(buf_t *out, const char *qdir, int type, const char *qid)
{
	const char *sub = subdir_of(qdir, type);

	/* (built by pieces: paths are made a dozen times per message) */
	buf_adds(out, qdir);
	buf_addc(out, '/');
	if (sub != NULL) {
		buf_adds(out, sub);
		buf_addc(out, '/');
	}
	buf_addc(out, type);
	buf_addc(out, 'f');
	buf_adds(out, qid);
}
