/* stats.c - sendmail's side of the statistics file: counters noted while
 * messages are received and delivered, added to StatusFile in one locked
 * read-modify-write.  The file must exist (an admin creates it to turn
 * statistics on); a record that is not the reference's is started again. */
#include "stats/stats.h"
#include "lib/buf.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static stats_t pend;
static bool dirty;

static void add(int arr, int mailer, int64_t n)
{
	if (mailer < 0 || mailer >= STATS_MAXMAILERS)
		return;
	pend.v[arr][mailer] += n;
	dirty = true;
}

void stats_from(int mailer, long bytes)
{
	add(ST_NF, mailer, 1);
	add(ST_BF, mailer, stats_kbytes(bytes));
}

void stats_to(int mailer, long bytes)
{
	add(ST_NT, mailer, 1);
	add(ST_BT, mailer, stats_kbytes(bytes));
}

void stats_reject(int mailer) { add(ST_NR, mailer, 1); }
void stats_discard(int mailer) { add(ST_ND, mailer, 1); }
void stats_quarantine(int mailer) { add(ST_NQ, mailer, 1); }

void stats_conn(int which)
{
	if (which < 0 || which >= ST_NCONN)
		return;
	pend.conn[which]++;
	dirty = true;
}

bool stats_pending(void)
{
	return dirty;
}

void stats_forget(void)
{
	memset(&pend, 0, sizeof pend);
	dirty = false;
}

static ssize_t read_all(int fd, unsigned char *p, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, p + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

static void merge(stats_t *s)
{
	for (int i = 0; i < ST_NCONN; i++)
		s->conn[i] += pend.conn[i];
	for (int a = 0; a < ST_NARR; a++)
		for (int m = 0; m < STATS_MAXMAILERS; m++)
			s->v[a][m] += pend.v[a][m];
}

static void update(int fd)
{
	unsigned char img[STATS_SIZE];
	stats_t s;
	ssize_t n = read_all(fd, img, sizeof img);

	if (n < 0)
		return;
	if (stats_decode(img, (size_t)n, &s) != STATS_OK)
		stats_clear(&s, time(NULL));
	merge(&s);
	stats_encode(&s, img);
	if (lseek(fd, 0, SEEK_SET) != 0)
		return;
	if (write(fd, img, sizeof img) != (ssize_t)sizeof img)
		return;  /* silent, as the reference's */
}

void stats_flush(const char *path, const char *qdir)
{
	buf_t p = BUF_INIT(4096);
	struct stat st;
	int fd;

	if (!dirty || path == NULL)
		goto out;
	if (path[0] == '\0')
		path = "statistics";
	if (path[0] != '/' && qdir != NULL)
		buf_printf(&p, "%s/", qdir);
	buf_adds(&p, path);
	fd = open(buf_str(&p), O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		goto out;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX) == 0)
		update(fd);
	close(fd);
out:
	buf_free(&p);
	stats_forget();
}
