/* test_qf.c - the queue files: every control file the reference wrote (the
 * oracle's snapshots in test/oracle/queue, more in test/unit/data/qf) reads
 * and formats back byte for byte; hostile control files are errors, never
 * crashes; qf_write commits under the lock; ids; selections. */
#include "tap.h"
#include "queue/queue.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	buf_t b = BUF_INIT(0);
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return b.p != NULL ? buf_steal(&b) : calloc(1, 1);
}

static void round_trip(const char *path)
{
	size_t len;
	char *data = slurp(path, &len);
	envelope_t e;
	buf_t err = BUF_INIT(512), out = BUF_INIT(0);
	int r;

	env_init(&e);
	r = qf_read_mem(data, len, &e, &err);
	if (!ok(r == 0, "%s reads", path))
		diag("%s", buf_str(&err));
	qf_format(&e, &out);
	if (!ok(out.len == len && memcmp(out.p, data, len) == 0, "%s rewrites byte for byte", path))
		diag("got:\n%s", buf_str(&out));
	env_free(&e);
	buf_free(&err);
	buf_free(&out);
	free(data);
}

static void test_round_trips(const char *top)
{
	const char *pats[] = { "test/oracle/queue/*/*/[qh]f*", "test/unit/data/qf/[qh]f*" };
	size_t total = 0;

	for (size_t i = 0; i < 2; i++) {
		buf_t pat = BUF_INIT(4096);
		glob_t g;
		buf_printf(&pat, "%s/%s", top, pats[i]);
		if (glob(buf_str(&pat), 0, NULL, &g) == 0) {
			for (size_t j = 0; j < g.gl_pathc; j++) {
				if (strstr(g.gl_pathv[j], ".norm") == NULL) {
					round_trip(g.gl_pathv[j]);
					total++;
				}
			}
			globfree(&g);
		}
		buf_free(&pat);
	}
	ok(total >= 20, "%zu captured control files round-tripped", total);
}

static int read_str(const char *text, size_t len, buf_t *err)
{
	envelope_t e;
	int r;
	env_init(&e);
	buf_reset(err);
	r = qf_read_mem(text, len, &e, err);
	env_free(&e);
	return r;
}

#define BAD(text, why) do { \
	ok(read_str(text, sizeof(text) - 1, &err) < 0, "rejected: %s (%s)", why, buf_str(&err)); \
} while (0)

static void test_hostile(void)
{
	buf_t err = BUF_INIT(512);
	buf_t big = BUF_INIT(0);

	BAD("V8\nT1\nSa\nRP:a\n", "no final dot");
	BAD("V8\nT1x\n.\n", "junk after a number");
	BAD("V8\nT-5\n.\n", "negative time");
	BAD("V8\nN99999999999999999999999\n.\n", "number overflow");
	BAD("V8\nP\n.\n", "empty number");
	BAD("V8\nI1/2\n.\n", "short I line");
	BAD("V8\nI1/2/x\n.\n", "bad inode");
	BAD("V8\nSa\0b\n.\n", "NUL byte");
	BAD("V8\n\tcontinued\n.\n", "continuation without header");
	BAD("V8\nRalice\n.\n", "recipient without flags");
	BAD("V8\nR1:alice\n.\n", "bad recipient flag");
	BAD("V8\nF-\n.\n", "bad envelope flag");
	BAD("V8\nHnocolon\n.\n", "header without colon");
	BAD("V8\nH?P:x\n.\n", "unterminated condition");
	BAD("V8\n${x\n.\n", "unterminated macro name");
	BAD("V8\n.\nSextra\n", "data after the end");
	BAD("V8\n\n.\n", "empty line");
	BAD("", "empty file");
	buf_adds(&big, "V8\nS");
	for (int i = 0; i < QF_LINE_MAX + 10; i++)
		buf_addc(&big, 'x');
	buf_adds(&big, "\n.\n");
	ok(read_str(big.p, big.len, &err) < 0, "rejected: line over QF_LINE_MAX (%s)", buf_str(&err));
	ok(read_str("V8\nXunknown line\n.\n", 19, &err) == 0, "unknown line kinds are kept");
	buf_free(&big);
	buf_free(&err);
}

static void build(envelope_t *e, const char *dir)
{
	env_init(e);
	e->qdir = strdup(dir);
	memcpy(e->qid, "6ALNh6Et000176", 15);
	e->ctime = 1795304586;
	e->prio = 30023;
	letter_set(&e->eflags, 's', true);
	env_set_macro(e, "_", "root@localhost");
	env_set_macro(e, "{daemon_flags}", "c u");
	e->sender = strdup("root");
	rcpt_t *r = env_add_rcpt(e, "alice", 0);
	letter_set(&r->flags, 'P', true);
	letter_set(&r->flags, 'F', true);
	letter_set(&r->flags, 'D', true);
	r->final = strdup("RFC822; alice@mail.example.com");
	env_add_hdr(e, "Subject", "one", NULL, 0);
}

static void test_write(void)
{
	char dir[] = "/tmp/test_qf.XXXXXX";
	envelope_t e;
	int lockfd = -1;
	struct stat st;
	buf_t p = BUF_INIT(4096);

	if (mkdtemp(dir) == NULL)
		bail_out("mkdtemp");
	build(&e, dir);
	ok(qf_write(&e, true, &lockfd) == 0 && lockfd >= 0, "qf_write commits");
	qf_path(&p, dir, 'q', e.qid);
	ok(stat(buf_str(&p), &st) == 0 && (st.st_mode & 07777) == 0600, "qf mode 0600");
	buf_reset(&p);
	qf_path(&p, dir, 't', e.qid);
	ok(access(buf_str(&p), F_OK) < 0, "no tf left");
	errno = 0;
	ok(qf_open_locked(dir, e.qid, false) < 0 && errno == EWOULDBLOCK, "the lock is held");
	close(lockfd);
	int fd = qf_open_locked(dir, e.qid, true);
	ok(fd >= 0, "lockable once released");
	if (fd >= 0)
		close(fd);
	fd = df_create(dir, e.qid);
	ok(fd >= 0, "df_create");
	if (fd >= 0)
		close(fd);
	ok(df_create(dir, e.qid) < 0 && errno == EEXIST, "df_create is exclusive");
	size_t n;
	qentry_t *v = queue_scan(dir, NULL, "priority", &n);
	ok(v != NULL && n == 1 && strcmp(v[0].env.sender, "root") == 0 && v[0].env.msgsize == 0,
	   "queue_scan finds it");
	qentries_free(v, n);
	ok(queue_remove(dir, e.qid) == 0, "queue_remove");
	v = queue_scan(dir, NULL, NULL, &n);
	ok(v != NULL && n == 0, "queue empty after remove (%zu)", n);
	qentries_free(v, n);
	env_free(&e);
	buf_free(&p);
	rmdir(dir);
}

static void test_qid(void)
{
	char id[32], id2[32];
	setenv("TZ", "UTC", 1);
	tzset();
	qid_new(id, 1795304586);   /* Sat Nov 21 23:43:06 2026 UTC */
	ok(strncmp(id, "6ALNh6", 6) == 0 && strlen(id) == 14, "qid shape %s", id);
	qid_new(id2, 1795304586);
	ok(strcmp(id, id2) != 0, "NN counts up (%s, %s)", id, id2);
}

static void test_select(void)
{
	qselect_t sel;
	envelope_t e;

	memset(&sel, 0, sizeof sel);
	env_init(&e);
	e.sender = strdup("Bob");
	env_add_rcpt(&e, "alice@EXAMPLE.org", 0);
	env_add_rcpt(&e, "carol", 0);
	ok(qselect_add(&sel, "RALICE") == 1, "-qR parsed");
	ok(qselect_match(&sel, "6AM1", &e), "-qR case-insensitive");
	qselect_free(&sel);
	qselect_add(&sel, "!Ralice");
	ok(qselect_match(&sel, "6AM1", &e), "-q!R: another recipient lacks it");
	qselect_free(&sel);
	qselect_add(&sel, "Sbob");
	qselect_add(&sel, "Iam");
	ok(!qselect_match(&sel, "6AM1", &e), "-qI is case-sensitive, kinds and-ed");
	qselect_free(&sel);
	ok(qselect_add(&sel, "30m") == 0, "an interval is not a selection");
	env_free(&e);
}

int main(void)
{
	const char *top = getenv("TOP");
	if (top == NULL)
		top = ".";
	test_round_trips(top);
	test_hostile();
	test_write();
	test_qid();
	test_select();
	return done_testing();
}
