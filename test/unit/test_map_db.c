/* test_map_db.c - the hash, btree, implicit and text map classes, driven
 * through their class functions (not through map_lookup).
 *
 * Maps are built with the reference makemap and newaliases when they are
 * installed (/opt/sendmail-ref, or $SENDMAIL_REF), else those cases are
 * skipped; some maps are also written directly with Berkeley DB.  The
 * files live in a fresh directory whose whole path passes the map
 * classes' safety checks: $MAP_DB_TESTDIR, /run, the current directory
 * or $HOME, whichever is safe and writable first.  Expected diagnostics
 * are the reference's, recorded by running it. */
#include "maps/map.h"
#include "maps/map_cache.h"
#include "lib/buf.h"
#include "tap.h"
#include <db.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern const map_class_t map_class_hash, map_class_btree, map_class_implicit,
	map_class_text;

static char D[PATH_MAX];          /* the test directory */
static char REF[PATH_MAX];        /* reference libexec directory */
static bool have_ref;
static buf_t msgs;                /* diagnostics printed through map_message */

static void capture(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&msgs, fmt, ap);
	va_end(ap);
	buf_addc(&msgs, '\n');
}

static const char *path_in(const char *name)
{
	static char p[4][PATH_MAX + 64];
	static int i;
	i = (i + 1) % 4;
	snprintf(p[i], sizeof p[i], "%s/%s", D, name);
	return p[i];
}

static void write_file(const char *name, const char *text, mode_t mode)
{
	FILE *fp = fopen(path_in(name), "w");
	if (fp == NULL)
		bail_out("cannot write %s: %s", path_in(name), strerror(errno));
	fputs(text, fp);
	fclose(fp);
	chmod(path_in(name), mode);
}

/* run a shell command quietly; its exit status */
static int run(const char *fmt, ...)
{
	buf_t b = BUF_INIT(0);
	va_list ap;
	int r;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	buf_adds(&b, " >/dev/null 2>&1");
	r = system(buf_str(&b));
	buf_free(&b);
	return WIFEXITED(r) ? WEXITSTATUS(r) : -1;
}

/* ------------------------------------------------------------ fixtures */

static bool safe_base(const char *base)
{
	char probe[PATH_MAX + 32];
	const char *why;

	if (base == NULL || base[0] != '/')
		return false;
	snprintf(probe, sizeof probe, "%s/.map-db-probe", base);
	return map_safefile(probe, &why) == 1 && access(base, W_OK) == 0;
}

static bool make_testdir(void)
{
	char cwd[PATH_MAX];
	const char *cands[4];
	int i;

	cands[0] = getenv("MAP_DB_TESTDIR");
	cands[1] = "/run";
	cands[2] = getcwd(cwd, sizeof cwd);
	cands[3] = getenv("HOME");
	for (i = 0; i < 4; i++) {
		if (!safe_base(cands[i]))
			continue;
		snprintf(D, sizeof D, "%s/map-db-test.XXXXXX", cands[i]);
		if (mkdtemp(D) != NULL && chmod(D, 0755) == 0)
			return true;
	}
	return false;
}

static void find_reference(void)
{
	const char *r = getenv("SENDMAIL_REF");
	snprintf(REF, sizeof REF, "%s/usr/libexec/sendmail", r ? r : "/opt/sendmail-ref");
	have_ref = access(REF, X_OK) == 0;
	if (have_ref) {
		char mm[PATH_MAX + 16];
		snprintf(mm, sizeof mm, "%s/makemap", REF);
		have_ref = access(mm, X_OK) == 0;
	}
}

/* makemap [flags] type D/name < D/src */
static bool makemap(const char *flags, const char *type, const char *name, const char *src)
{
	return run("'%s/makemap' -C /dev/null %s %s '%s' < '%s'", REF, flags, type,
		   path_in(name), path_in(src)) == 0;
}

/* newaliases, in its own uts and net namespaces so the reference neither
 * waits for a qualified host name nor asks a name server */
static bool newaliases(const char *name)
{
	buf_t cf = BUF_INIT(0);

	buf_printf(&cf, "V10/Berkeley\nDjtest.example.com\nO QueueDirectory=%s\n"
		   "Mlocal, P=/bin/true, F=lA, S=0, R=0, A=true\n"
		   "S0\nR$*\t$#local $: $1\nS1\nS2\nS3\nS4\n", D);
	write_file("na.cf", buf_str(&cf), 0644);
	buf_free(&cf);
	return run("timeout 30 unshare -un sh -c 'hostname test.example.com && exec \"$@\"' "
		   "sh '%s/sendmail' -C '%s' -O 'AliasFile=%s' -bi < /dev/null",
		   REF, path_in("na.cf"), path_in(name)) == 0;
}

typedef struct kv {
	const char *k;
	size_t kl;
	const char *v;
	size_t vl;
} kv_t;

static bool build_db(const char *name, DBTYPE type, const kv_t *kv, size_t n)
{
	DB *db;
	DBT k, v;
	size_t i;
	int r = db_create(&db, NULL, 0);

	if (r != 0)
		return false;
	r = db->open(db, NULL, path_in(name), NULL, type, DB_CREATE | DB_TRUNCATE, 0640);
	for (i = 0; r == 0 && i < n; i++) {
		memset(&k, 0, sizeof k);
		memset(&v, 0, sizeof v);
		k.data = (void *)kv[i].k;
		k.size = (u_int32_t)kv[i].kl;
		v.data = (void *)kv[i].v;
		v.size = (u_int32_t)kv[i].vl;
		r = db->put(db, NULL, &k, &v, 0);
	}
	db->close(db, 0);
	return r == 0;
}

/* ------------------------------------------------------------ map helpers */

static map_t *new_map(const map_class_t *cls, const char *name, unsigned flags,
		      const char *rest)
{
	map_t *m = calloc(1, sizeof *m);
	m->name = strdup(name);
	m->cls = cls;
	m->flags = flags;
	cls->parse_rest(m, rest);
	return m;
}

static int open_map(map_t *m)
{
	m->tried_open = true;
	m->open_status = m->cls->open(m);
	return m->open_status;
}

static void free_map(map_t *m)
{
	if (m->handle)
		m->cls->close(m);
	free(m->name);
	free(m->file);
	free(m->keycol);
	free(m->valcol);
	free(m->coldelim);
	free(m);
}

/* raw lookup; the value (or "<status N>") in a static buffer */
static const char *look(map_t *m, const char *key, size_t klen)
{
	static buf_t out;
	int st;

	buf_reset(&out);
	if (out.max == 0)
		buf_init(&out, 0);
	st = m->cls->lookup(m, key, klen, &out);
	if (st != MAP_OK) {
		buf_reset(&out);
		buf_printf(&out, "<status %d>", st);
	}
	return buf_str(&out);
}

static const char *lk(map_t *m, const char *key)
{
	return look(m, key, strlen(key));
}

static const char *take_msgs(void)
{
	static char last[4096];
	snprintf(last, sizeof last, "%s", buf_str(&msgs));
	buf_reset(&msgs);
	return last;
}

/* run f with stderr sent to /dev/null (Berkeley DB complains there) */
static int quiet_open(map_t *m)
{
	int save = dup(2), nul = open("/dev/null", O_WRONLY), r;
	fflush(stderr);
	dup2(nul, 2);
	r = open_map(m);
	fflush(stderr);
	dup2(save, 2);
	close(save);
	close(nul);
	return r;
}

static void expect_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void expect_msg(const char *fmt, ...)
{
	char want[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(want, sizeof want, fmt, ap);
	va_end(ap);
	is_str(take_msgs(), want, "message: %.*s", (int)strcspn(want, "\n"), want);
}

/* a later mtime than the file has now, so a reopen is certain */
static void touch_later(const char *name)
{
	struct timespec ts[2];
	struct stat st;
	stat(path_in(name), &st);
	ts[0] = st.st_atim;
	ts[1] = st.st_mtim;
	ts[1].tv_sec += 2;
	utimensat(AT_FDCWD, path_in(name), ts, 0);
}

/* ------------------------------------------------------------ tests */

static const char SRC[] =
	"foo\tbar\n"
	"Key Val ue\n"
	"pct %1@%0.example\n";

static void test_parse_rest(void)
{
	map_t *m = new_map(&map_class_hash, "p", 0, "  /etc/mail/access  extra words");
	is_str(m->file, "/etc/mail/access", "parse_rest takes the first word after the flags");
	free_map(m);
	m = new_map(&map_class_hash, "e", 0, "");
	ok(m->file == NULL, "no file name: map declared without one");
	expect_msg("No file name for hash map e\n");
	is_int(open_map(m), MAP_UNAVAIL, "a map without a file never opens");
	free_map(m);
	m = new_map(&map_class_text, "t1", 0, "   ");
	expect_msg("No file name for text map t1\n");
	free_map(m);
}

static void test_makemap_maps(void)
{
	map_t *h, *b, *n, *x;

	write_file("src", SRC, 0644);
	if (!have_ref || !makemap("", "hash", "h", "src") || !makemap("", "btree", "b", "src") ||
	    !makemap("-N", "hash", "hn", "src")) {
		skip(13, "reference makemap not available");
		return;
	}
	h = new_map(&map_class_hash, "h", 0, path_in("h"));
	is_int(open_map(h), MAP_OK, "hash map opens (.db added)");
	is_str(lk(h, "foo"), "bar", "hash: foo -> bar");
	is_str(lk(h, "key"), "Val ue", "hash: value keeps its inner blank");
	is_str(lk(h, "Key"), "<status 68>", "hash: keys are raw (no folding here)");
	is_str(look(h, "foo", 4), "<status 68>", "hash: key with NUL not in a makemap map");
	is_str(lk(h, "pct"), "%1@%0.example", "hash: value returned unmodified");
	b = new_map(&map_class_btree, "b", 0, path_in("b.db"));
	is_int(open_map(b), MAP_OK, "btree map opens (name given with .db)");
	is_str(lk(b, "key"), "Val ue", "btree: key -> value");
	n = new_map(&map_class_hash, "hn", 0, path_in("hn"));
	open_map(n);
	is_str(lk(n, "foo"), "<status 68>", "makemap -N: key without NUL misses");
	{
		const char *v = look(n, "foo", 4);
		ok(memcmp(v, "bar\0", 4) == 0, "makemap -N: key with NUL finds value with its NUL");
	}
	x = new_map(&map_class_implicit, "i", 0, path_in("h"));
	is_int(open_map(x), MAP_OK, "implicit opens a hash .db");
	is_str(lk(x, "foo"), "bar", "implicit: lookup");
	is_str(take_msgs(), "", "no diagnostics for good maps");
	free_map(h);
	free_map(b);
	free_map(n);
	free_map(x);
}

static void test_aliases(void)
{
	map_t *a;
	const char *v;

	write_file("aliases", "# test\npostmaster: root\nMailer-Daemon: postmaster\n"
		   "list: a, b,\n  c\n", 0644);
	if (!have_ref || !newaliases("aliases")) {
		skip(5, "reference newaliases not runnable (needs unshare)");
		return;
	}
	a = new_map(&map_class_hash, "aliases", 0, path_in("aliases"));
	is_int(open_map(a), MAP_OK, "newaliases' aliases.db opens");
	v = look(a, "postmaster", 11);
	ok(memcmp(v, "root\0", 5) == 0, "alias key and value carry a NUL");
	v = look(a, "mailer-daemon", 14);
	ok(memcmp(v, "postmaster\0", 11) == 0, "alias keys are lower case");
	v = look(a, "@", 2);
	ok(memcmp(v, "@\0", 2) == 0, "the @ -> @ sentinel entry");
	is_str(lk(a, "postmaster"), "<status 68>", "alias key without its NUL misses");
	free_map(a);
}

static void test_raw_bytes(void)
{
	static const kv_t kv[] = {
		{ "a\0b", 3, "v\0w", 3 },
		{ "UPPER", 5, " spaced value ", 14 },
	};
	map_t *m;
	buf_t out = BUF_INIT(0);

	ok(build_db("raw.db", DB_HASH, kv, 2), "Berkeley DB builds a hash map");
	m = new_map(&map_class_hash, "raw", 0, path_in("raw"));
	is_int(open_map(m), MAP_OK, "libdb-built map opens");
	is_int(m->cls->lookup(m, "a\0b", 3, &out), MAP_OK, "key with an inner NUL");
	ok(out.len == 3 && memcmp(out.p, "v\0w", 3) == 0, "value bytes unmodified");
	is_str(lk(m, "UPPER"), " spaced value ", "blanks in values kept");
	free_map(m);
	buf_free(&out);
}

static void test_missing(void)
{
	map_t *m;

	m = new_map(&map_class_hash, "miss", 0, path_in("nosuch"));
	is_int(open_map(m), MAP_TEMPFAIL, "missing .db: open fails with EX_TEMPFAIL");
	expect_msg("hash map \"miss\": missing map file %s: No such file or directory\n",
		   path_in("nosuch.db"));
	free_map(m);
	m = new_map(&map_class_hash, "misso", MF_OPTIONAL, path_in("nosuch"));
	is_int(open_map(m), MAP_TEMPFAIL, "missing optional map fails too");
	is_str(take_msgs(), "", "... silently");
	free_map(m);
	m = new_map(&map_class_implicit, "impl", 0, path_in("nosuch"));
	is_int(open_map(m), MAP_TEMPFAIL, "implicit map with no .db fails");
	is_str(take_msgs(), "", "... silently");
	free_map(m);
	m = new_map(&map_class_btree, "bm", 0, path_in("nodir/m"));
	open_map(m);
	expect_msg("btree map \"bm\": missing map file %s: No such file or directory\n",
		   path_in("nodir/m.db"));
	free_map(m);
}

static void test_unsafe(void)
{
	map_t *m;

	mkdir(path_in("gw"), 0755);
	chmod(path_in("gw"), 0775);
	mkdir(path_in("ww"), 0755);
	chmod(path_in("ww"), 0777);
	symlink("ww", path_in("toww"));
	write_file("unread.db", "x", 0);
	mkdir(path_in("dir.db"), 0755);

	m = new_map(&map_class_hash, "gw", 0, path_in("gw/m"));
	is_int(open_map(m), MAP_TEMPFAIL, "group writable directory: open fails");
	expect_msg("hash map \"gw\": unsafe map file %s: Group writable directory\n",
		   path_in("gw/m.db"));
	free_map(m);
	m = new_map(&map_class_hash, "ww", 0, path_in("toww/m"));
	open_map(m);
	expect_msg("hash map \"ww\": unsafe map file %s: World writable directory\n",
		   path_in("toww/m.db"));
	free_map(m);
	m = new_map(&map_class_hash, "unread", 0, path_in("unread"));
	open_map(m);
	expect_msg("hash map \"unread\": unsafe map file %s: Permission denied\n",
		   path_in("unread.db"));
	free_map(m);
	m = new_map(&map_class_hash, "dir", 0, path_in("dir"));
	open_map(m);
	expect_msg("hash map \"dir\": unsafe map file %s: Regular files only\n",
		   path_in("dir.db"));
	free_map(m);
	m = new_map(&map_class_hash, "wwo", MF_OPTIONAL, path_in("ww/m"));
	open_map(m);
	is_str(take_msgs(), "", "unsafe optional map: no message");
	free_map(m);
}

static void test_corrupt(void)
{
	map_t *m;

	write_file("garbage.db", "this is not a db\n", 0644);
	m = new_map(&map_class_hash, "corrupt", 0, path_in("garbage"));
	is_int(quiet_open(m), MAP_TEMPFAIL, "corrupt .db: open fails with EX_TEMPFAIL");
	expect_msg("Cannot open hash database %s: Invalid argument\n", path_in("garbage.db"));
	free_map(m);
	m = new_map(&map_class_hash, "corrupto", MF_OPTIONAL, path_in("garbage"));
	is_int(quiet_open(m), MAP_TEMPFAIL, "corrupt optional map fails");
	is_str(take_msgs(), "", "... silently");
	free_map(m);
	if (build_db("bt.db", DB_BTREE, NULL, 0)) {
		m = new_map(&map_class_hash, "btashash", 0, path_in("bt"));
		quiet_open(m);
		expect_msg("Cannot open hash database %s: Invalid argument\n", path_in("bt.db"));
		free_map(m);
	} else
		skip(1, "cannot build a btree file");
}

static void test_reopen(void)
{
	static const kv_t one[] = { { "foo", 3, "one", 3 } };
	static const kv_t two[] = { { "foo", 3, "two", 3 } };
	map_t *m, *o;
	int fd;

	build_db("re.db", DB_HASH, one, 1);
	m = new_map(&map_class_hash, "re", 0, path_in("re"));
	o = new_map(&map_class_hash, "reo", MF_OPTIONAL, path_in("re"));
	open_map(m);
	open_map(o);
	is_str(lk(m, "foo"), "one", "before the change");
	build_db("re.db", DB_HASH, two, 1);   /* rewritten in place */
	touch_later("re.db");
	is_str(lk(m, "foo"), "two", "changed file: map reopened");
	is_str(lk(o, "foo"), "two", "changed file: optional map reopened");
	fd = open(path_in("re.db"), O_WRONLY | O_TRUNC);
	if (write(fd, "garbage, not a database\n", 24) != 24)
		diag("short write");
	close(fd);
	touch_later("re.db");
	is_str(lk(m, "foo"), "<status 75>", "file turned bad: EX_TEMPFAIL");
	expect_msg("Cannot open hash database %s: Invalid argument\n"
		   "Cannot reopen DB database %s\n", path_in("re.db"), path_in("re"));
	is_int(m->open_status, MAP_TEMPFAIL, "... and the map stays closed");
	is_str(lk(o, "foo"), "<status 68>", "optional map: no match");
	is_str(take_msgs(), "", "... silently");
	is_int(o->open_status, MAP_TEMPFAIL, "... and it stays closed");
	free_map(m);
	free_map(o);
}

/* inside one decision a cached answer needs no change check; the next
 * decision (and any lookup outside a decision) sees a rebuilt file */
static void test_decision(void)
{
	static const kv_t one[] = { { "foo", 3, "one", 3 } };
	static const kv_t two[] = { { "foo", 3, "two", 3 } };
	map_t *m;

	build_db("dc.db", DB_HASH, one, 1);
	m = new_map(&map_class_hash, "dc", 0, path_in("dc"));
	open_map(m);
	mapcache_decision_begin();
	is_str(lk(m, "foo"), "one", "decision 1: read from the file");
	build_db("dc.db", DB_HASH, two, 1);
	touch_later("dc.db");
	is_str(lk(m, "foo"), "one", "decision 1: the cached answer, file not checked again");
	is_str(lk(m, "bar"), "<status 68>", "decision 1: a key not cached is read afresh");
	is_str(lk(m, "foo"), "two", "... after a check that saw the rebuild");
	mapcache_decision_end();
	build_db("dc.db", DB_HASH, one, 1);
	touch_later("dc.db");
	mapcache_decision_begin();
	is_str(lk(m, "foo"), "one", "decision 2: the rebuilt file at once");
	mapcache_decision_end();
	build_db("dc.db", DB_HASH, two, 1);
	touch_later("dc.db");
	is_str(lk(m, "foo"), "two", "outside a decision every lookup checks");
	free_map(m);
}

static void test_safefile(void)
{
	const char *why = NULL;

	is_int(map_safefile(path_in("src"), &why), 0, "safefile: a plain file is fine");
	is_int(map_safefile(path_in("ww/x"), &why), 2, "safefile: world writable dir");
	is_str(why, "World writable directory", "... with its reason");
	is_int(map_safefile(path_in("src/x"), &why), 2, "safefile: file as a directory");
	is_str(why, "Permission denied", "... no search permission on it");
	is_int(map_safefile("/nonexistent-dir/x", &why), 1, "safefile: missing directory");
}

static const char TEXT[] =
	"foo bar baz\n"
	"  Lead  x  y\n"
	"# comment line\n"
	"\n"
	"Key\tVal\tue\n"
	"novalue\n"
	"a::b\n"
	":x:y\n"
	"e:\n"
	"crlf val\r\n"
	"dup first\n"
	"dup second\n";

static map_t *text_map(const char *name, const char *k, const char *v, const char *z,
		       const char *file)
{
	map_t *m = new_map(&map_class_text, name, 0, path_in(file));
	m->keycol = k ? strdup(k) : NULL;
	m->valcol = v ? strdup(v) : NULL;
	m->coldelim = z ? strdup(z) : NULL;
	open_map(m);
	return m;
}

static void test_text(void)
{
	map_t *t, *t1, *t2, *k1, *z1, *z0, *m;
	char big[3100];
	buf_t out = BUF_INIT(0);
	int st = 0;

	write_file("t.txt", TEXT, 0644);
	t = text_map("t", NULL, NULL, NULL, "t.txt");
	t1 = text_map("t1", NULL, "1", NULL, "t.txt");
	t2 = text_map("t2", NULL, "2", NULL, "t.txt");
	k1 = text_map("k1", "1", "0", NULL, "t.txt");
	z1 = text_map("z1", NULL, "1", ":", "t.txt");
	z0 = text_map("z0", "1", "0", ":", "t.txt");
	is_str(lk(t, "foo"), "foo", "text: default value column is 0");
	is_str(lk(t1, "FOO"), "bar", "text: keys compare ignoring case");
	is_str(lk(t2, "foo"), "baz", "text: -v2");
	is_str(lk(t1, "lead"), "Lead", "text: leading blanks: column 1 is the first word");
	is_str(lk(t2, "lead"), "x", "... and column 2 the second");
	is_str(lk(k1, "x"), "<status 68>", "... also for the key column");
	is_str(lk(t1, "key"), "Val", "text: tabs are blanks");
	is_str(lk(t, "#"), "<status 68>", "text: comment lines skipped");
	is_str(lk(t1, "novalue"), "<status 68>", "text: missing value column: no match");
	is_str(lk(z1, "a"), "", "text -z: empty columns count");
	is_str(lk(z1, "e"), "", "text -z: empty last column");
	is_str(lk(z0, "x"), "<status 68>", "text -z: empty column 0 is no value");
	is_str(lk(t1, "crlf"), "val\r", "text: only the newline is stripped");
	is_str(lk(t1, "dup"), "first", "text: first match wins");
	is_str(look(t, "foo", 4), "<status 68>", "text: key with NUL never matches");

	memset(big, 'y', sizeof big);
	memcpy(big, "long ", 5);
	big[3000] = ' ';
	memcpy(big + 3001, "tail\n", 6);
	write_file("big.txt", big, 0644);
	m = text_map("big", NULL, "1", NULL, "big.txt");
	ok(strlen(lk(m, "long")) == 256, "text: values cut to 256 bytes");
	free_map(m);
	m = text_map("big2", NULL, "2", NULL, "big.txt");
	is_str(lk(m, "long"), "<status 68>", "text: lines read 2047 bytes at a time");
	free_map(m);

	is_int(t->cls->lookup_full(t1, "nope", NULL, 0, &out, &st), 0, "lookup_full: miss");
	is_int(st, MAP_NOTFOUND, "... reports EX_NOHOST like the reference");
	is_int(t->cls->lookup_full(t1, "foo", NULL, 0, &out, &st), 1, "lookup_full: hit");
	is_str(buf_str(&out), "bar", "... with the value");
	buf_free(&out);

	unlink(path_in("t.txt"));
	is_str(lk(t1, "foo"), "<status 69>", "text file gone at lookup: EX_UNAVAILABLE");
	is_int(t1->open_status, MAP_UNAVAIL, "... and the map is closed");
	is_str(take_msgs(), "", "... silently");
	free_map(t);
	free_map(t1);
	free_map(t2);
	free_map(k1);
	free_map(z1);
	free_map(z0);

	m = text_map("tm", NULL, NULL, NULL, "nosuch.txt");
	is_int(m->open_status, MAP_TEMPFAIL, "missing text file: open fails");
	expect_msg("text map \"tm\": unsafe map file %s\n", path_in("nosuch.txt"));
	free_map(m);
	m = new_map(&map_class_text, "tmo", MF_OPTIONAL, path_in("nosuch.txt"));
	open_map(m);
	is_str(take_msgs(), "", "missing optional text file: silent");
	free_map(m);
}

int main(void)
{
	int failed;

	buf_init(&msgs, 0);
	map_message = capture;
	if (!make_testdir()) {
		printf("1..0 # SKIP no directory with a safe path to build maps in\n");
		return 0;
	}
	find_reference();
	note("maps in %s; reference tools %s", D, have_ref ? REF : "not found");
	test_parse_rest();
	test_makemap_maps();
	test_aliases();
	test_raw_bytes();
	test_missing();
	test_unsafe();
	test_corrupt();
	test_reopen();
	test_decision();
	test_safefile();
	test_text();
	failed = done_testing();
	chmod(path_in("unread.db"), 0644);
	run("rm -rf '%s'", D);
	buf_free(&msgs);
	return failed;
}
