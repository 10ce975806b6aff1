/* test_db_write.c - makemap's line discipline (mapsrc) and the Berkeley
 * DB writer (db_write): chunked reading with the reference's 1024-byte
 * limit, key/value splitting, and put/get/del/walk with duplicates and
 * replacement on hash and btree files in a private temporary directory. */
#include "maps/db_write.h"
#include "maps/mapsrc.h"
#include "tap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* read all of data; returns "L:<line>|" / "T|" per chunk */
static char *read_all(const char *data, size_t n)
{
	static char out[8192];
	FILE *fp = fmemopen((void *)data, n, "r");
	mapsrc_reader_t r;
	char *line;
	int k;
	size_t o = 0;

	out[0] = '\0';
	if (fp == NULL)
		return out;
	mapsrc_init(&r, fp);
	while ((k = mapsrc_read(&r, &line)) != MAPSRC_EOF && o < sizeof out - 1100) {
		if (k == MAPSRC_TOOLONG)
			o += (size_t)snprintf(out + o, sizeof out - o, "T|");
		else
			o += (size_t)snprintf(out + o, sizeof out - o, "L:%.20s|", line);
	}
	fclose(fp);
	return out;
}

static void test_reader(void)
{
	char big[1100];

	is_str(read_all("a b\nc d", 7), "L:a b|L:c d|", "last line without newline is read");
	is_str(read_all("a b\0c\nd e\n", 10), "T|L:d e|", "a NUL before the newline makes the line too long");
	is_str(read_all("a b\0c", 5), "L:a b|", "a NUL in the last line cuts it");
	memset(big, 'v', sizeof big);
	big[0] = 'k';
	big[1] = ' ';
	is_str(read_all(big, 1023), "T|", "1023 bytes without newline at EOF: too long");
	is_str(read_all(big, 1022), "L:k vvvvvvvvvvvvvvvvvv|", "1022 bytes at EOF: a line");
	big[1022] = '\n';
	is_str(read_all(big, 1030), "L:k vvvvvvvvvvvvvvvvvv|L:vvvvvvv|", "1022 bytes + newline, then the rest");
}

static const char *split(const char *in, int sep, int comment, bool fold, bool empty)
{
	static char out[256];
	char line[128], *k = NULL, *v = NULL;
	mapsrc_syntax_t s = { sep, comment, fold, empty };
	mapsrc_kind_t kind;

	snprintf(line, sizeof line, "%s", in);
	kind = mapsrc_split(line, &s, &k, &v);
	snprintf(out, sizeof out, "%d[%s][%s]", (int)kind, k ? k : "-", v ? v : "-");
	return out;
}

static void test_split(void)
{
	is_str(split("Key1\t  value one  ", MAPSRC_BLANKS, '#', true, false), "0[key1][value one  ]",
	       "key folded, leading blanks of the value skipped, trailing kept");
	is_str(split("# x y", MAPSRC_BLANKS, '#', true, false), "1[-][-]", "comment");
	is_str(split("", MAPSRC_BLANKS, '#', true, false), "1[-][-]", "empty line");
	is_str(split(" x y", MAPSRC_BLANKS, '#', true, false), "2[-][-]", "leading space");
	is_str(split(" x:y", ':', '#', true, false), "0[ x][y]", "leading space is a key with -t");
	is_str(split("EMPTY  ", MAPSRC_BLANKS, '#', true, false), "3[empty][]", "no RHS, folded key");
	is_str(split("EMPTY  ", MAPSRC_BLANKS, '#', true, true), "0[empty][]", "-e: empty value");
	is_str(split("a::1:2", ':', '#', false, false), "0[a][1:2]", "-t: runs of delimiters skipped");
	is_str(split("c 4", ':', '#', false, false), "3[c 4][]", "-t: blanks belong to the key");
	is_str(split("#k v", MAPSRC_BLANKS, ';', false, false), "0[#k][v]", "-D changes the comment char");
	is_str(split("\xc3\x84X v", MAPSRC_BLANKS, '#', true, false), "0[\xc3\x84x][v]", "ASCII folding only");
}

static int count_entry(const void *k, size_t kl, const void *v, size_t vl, void *arg)
{
	(void)k; (void)kl; (void)v; (void)vl;
	(*(int *)arg)++;
	return 0;
}

static void test_db(const char *dir, dbw_type_t type, const char *name)
{
	char path[512];
	dbw_opts_t o = { type, DBW_REBUILD, false, 0, false, 0, 0, false, false };
	dbw_t *w = NULL;
	const void *v;
	size_t vl;
	int n = 0;

	snprintf(path, sizeof path, "%s/%s.db", dir, name);
	is_int(dbw_open(&w, path, &o), 0, "%s: create", name);
	if (w == NULL)
		return;
	is_int(dbw_put(w, "a", 1, "1", 1, DBW_PUT_NEW), 0, "%s: put", name);
	is_int(dbw_put(w, "a", 1, "2", 1, DBW_PUT_NEW), DBW_EXISTS, "%s: duplicate refused", name);
	is_int(dbw_put(w, "a", 1, "3", 1, DBW_PUT_REPLACE), 0, "%s: replace", name);
	ok(dbw_get(w, "a", 1, &v, &vl) == 0 && vl == 1 && memcmp(v, "3", 1) == 0, "%s: get replaced", name);
	is_int(dbw_get(w, "b", 1, &v, &vl), DBW_NOTFOUND, "%s: get missing", name);
	is_int(dbw_del(w, "b", 1), DBW_NOTFOUND, "%s: delete missing", name);
	is_int(dbw_close(w), 0, "%s: close", name);
	o.mode = DBW_APPEND;
	o.dups = true;
	w = NULL;
	is_int(dbw_open(&w, path, &o), 22, "%s: -d on a file made without: EINVAL", name);
	o.dups = false;
	is_int(dbw_open(&w, path, &o), 0, "%s: reopen to append", name);
	if (w == NULL)
		return;
	is_int(dbw_put(w, "c", 1, "4", 1, DBW_PUT_NEW), 0, "%s: entry added", name);
	is_int(dbw_walk(w, count_entry, &n), 0, "%s: walk", name);
	is_int(n, 2, "%s: two entries", name);
	is_int(dbw_del(w, "a", 1), 0, "%s: delete", name);
	dbw_close(w);
	o.mode = DBW_APPEND;
	is_int(dbw_open(&w, "/nonexistent/dir/x.db", &o), 2, "%s: open missing: ENOENT", name);
}

static void cleanup(const char *dir)
{
	char path[512];
	const char *names[] = { "h.db", "b.db" };
	size_t i;

	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (unlink(path) < 0)
			diag("cannot remove %s", path);
	}
	if (rmdir(dir) < 0)
		diag("cannot remove %s", dir);
}

int main(void)
{
	char tmpl[] = "/tmp/test_db_write.XXXXXX";
	char *dir = mkdtemp(tmpl);
	char *p;

	plan(6 + 11 + 2 * 15 + 2);
	test_reader();
	test_split();
	if (dir == NULL)
		bail_out("mkdtemp failed");
	test_db(dir, DBW_HASH, "h");
	test_db(dir, DBW_BTREE, "b");
	p = dbw_path("x");
	is_str(p, "x.db", "dbw_path adds .db");
	free(p);
	p = dbw_path("x.db");
	is_str(p, "x.db", "dbw_path keeps .db");
	free(p);
	cleanup(dir);
	return done_testing();
}
