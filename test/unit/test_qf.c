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

/* copy test/unit/data/mailq/NAME into dir */
static void put(const char *top, const char *dir, const char *name)
{
	buf_t src = BUF_INIT(4096), dst = BUF_INIT(4096);
	size_t len;
	char *data;
	FILE *f;

	buf_printf(&src, "%s/test/unit/data/mailq/%s", top, name);
	buf_printf(&dst, "%s/%s", dir, name);
	data = slurp(buf_str(&src), &len);
	f = fopen(buf_str(&dst), "wb");
	if (data == NULL || f == NULL || fwrite(data, 1, len, f) != len)
		bail_out("cannot copy %s", name);
	fclose(f);
	free(data);
	buf_free(&src);
	buf_free(&dst);
}

/* the reference's listing (captured over /var/spool/mqueue) for dir */
static char *expected(const char *top, const char *name, const char *dir)
{
	buf_t p = BUF_INIT(4096), r = BUF_INIT(0);
	size_t len;
	char *data, *at, *s;

	buf_printf(&p, "%s/test/unit/data/mailq/%s", top, name);
	data = slurp(buf_str(&p), &len);
	if (data == NULL)
		bail_out("no %s", name);
	for (s = data; (at = strstr(s, "/var/spool/mqueue")) != NULL; s = at + 17) {
		buf_add(&r, s, (size_t)(at - s));
		buf_adds(&r, dir);
	}
	buf_adds(&r, s);
	free(data);
	buf_free(&p);
	return buf_steal(&r);
}

static void listing(const char *top, const char *dir, const char *qid, bool verbose,
		    const char *name)
{
	qselect_t sel;
	char *got = NULL, *exp = expected(top, name, dir);
	size_t n;
	FILE *out = open_memstream(&got, &n);

	memset(&sel, 0, sizeof sel);
	qselect_add(&sel, qid);
	queue_print(dir, &sel, verbose, out);
	fclose(out);
	if (!is_str(got, exp, "mailq%s lists as the reference: %s", verbose ? " -v" : "", name))
		diag("got:\n%s", got);
	qselect_free(&sel);
	free(got);
	free(exp);
}

/* truncation widths, per-recipient M lines, changing and empty C lines,
 * and "*" for an entry another process holds locked */
static void test_listing(const char *top)
{
	char dir[] = "/tmp/test_qlist.XXXXXX";
	const char *files[] = { "qf6AM70000000500", "df6AM70000000500",
				"qf6AM66NRH000179", "df6AM66NRH000179" };

	if (mkdtemp(dir) == NULL)
		bail_out("mkdtemp");
	for (size_t i = 0; i < 4; i++)
		put(top, dir, files[i]);
	listing(top, dir, "I6AM70000000500", false, "plain.out");
	listing(top, dir, "I6AM70000000500", true, "verbose.out");
	int fd = qf_open_locked(dir, "6AM66NRH000179", true);
	ok(fd >= 0, "locked for the listing");
	listing(top, dir, "INRH", false, "locked.out");
	if (fd >= 0)
		close(fd);
	for (size_t i = 0; i < 4; i++) {
		buf_t p = BUF_INIT(4096);
		buf_printf(&p, "%s/%s", dir, files[i]);
		unlink(buf_str(&p));
		buf_free(&p);
	}
	rmdir(dir);
}

int main(void)
{
	const char *top = getenv("TOP");
	if (top == NULL)
		top = ".";
	setenv("TZ", "UTC", 1);   /* the captured listings and ids are in UTC */
	tzset();
	test_round_trips(top);
	test_hostile();
	test_write();
	test_qid();
	test_select();
	test_listing(top);
	return done_testing();
}
