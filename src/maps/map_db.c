/* map_db.c - the Berkeley DB map classes: hash, btree and implicit.
 *
 * A K line names a file; ".db" is appended unless the name already ends
 * in it.  Opening checks the path the way the reference does (no group
 * or world writable directory on the way, a readable regular file, no
 * root override of permission bits), then opens the file read-only with
 * Berkeley DB 5.3 under a shared flock.  A lookup takes a shared flock on
 * the database file, reopens the map when the file's mtime changed, and
 * fetches the key bytes exactly as given; the value bytes are returned
 * unmodified.  Diagnostics go through map_message with the reference's
 * wording; optional (-o) and implicit maps open silently.
 *
 * map_safefile() is shared with map_text.c. */
#include "maps/map.h"
#include "maps/map_cache.h"
#include "maps/db_write.h"
#include <time.h>
#include "lib/buf.h"
#include "lib/xalloc.h"
#include "lib/exitstat.h"
#include <db.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

extern const map_class_t map_class_hash, map_class_btree, map_class_implicit;


#define SF_MAXLINKS 16

/* ------------------------------------------------------------ safefile */

static bool in_group(gid_t g)
{
	gid_t *v;
	int n, i;
	bool r = false;

	if (g == getegid())
		return true;
	n = getgroups(0, NULL);
	if (n <= 0)
		return false;
	v = xcalloc((size_t)n, sizeof *v);
	n = getgroups(n, v);
	for (i = 0; i < n && !r; i++)
		r = v[i] == g;
	free(v);
	return r;
}

/* may this process read the file: the bits of the one class it falls in
 * (owner, group or other); root gets no override, as in the reference */
static bool may_read(const struct stat *st)
{
	if (st->st_uid == geteuid())
		return (st->st_mode & S_IRUSR) != 0;
	if (in_group(st->st_gid))
		return (st->st_mode & S_IRGRP) != 0;
	return (st->st_mode & S_IROTH) != 0;
}

/* may it search the directory: any class it belongs to will do */
static bool may_search(const struct stat *st)
{
	if (st->st_uid == geteuid() && (st->st_mode & S_IXUSR))
		return true;
	if ((st->st_mode & S_IXGRP) && in_group(st->st_gid))
		return true;
	return (st->st_mode & S_IXOTH) != 0;
}

static const char *dir_verdict(const struct stat *st)
{
	if (st->st_mode & S_IWOTH)
		return "World writable directory";
	if (st->st_mode & S_IWGRP)
		return "Group writable directory";
	if (!may_search(st))
		return strerror(EACCES);
	return NULL;
}

static const char *walk_dirs(const char *dir, int depth);

/* a symlink met on the way: its target is checked like any path; a
 * relative target is taken from the link's directory pfx[0..plen) */
static const char *walk_link(const char *pfx, size_t plen, int depth)
{
	char target[4096];
	ssize_t n;
	buf_t b = BUF_INIT(0);
	const char *r;

	if (depth >= SF_MAXLINKS)
		return strerror(ELOOP);
	n = readlink(pfx, target, sizeof target - 1);
	if (n < 0)
		return strerror(errno);
	target[n] = '\0';
	if (target[0] != '/') {
		if (plen > 0) {
			buf_add(&b, pfx, plen);
			buf_addc(&b, '/');
		} else if (pfx[0] == '/')
			buf_addc(&b, '/');
	}
	buf_adds(&b, target);
	r = walk_dirs(buf_str(&b), depth + 1);
	buf_free(&b);
	return r;
}

/* check one directory prefix of a path; NULL when fine (or absent: the
 * file's own stat then reports it missing) */
static const char *check_prefix(const char *pfx, size_t plen, int depth)
{
	struct stat st;

	if (lstat(pfx, &st) < 0)
		return errno == ENOENT ? NULL : strerror(errno);
	if (S_ISLNK(st.st_mode))
		return walk_link(pfx, plen, depth);
	return dir_verdict(&st);
}

/* every directory prefix of dir, dir itself included; a relative dir is
 * checked from its first named component (the cwd is not checked) */
static const char *walk_dirs(const char *dir, int depth)
{
	size_t len = strlen(dir), i, plen = 0;
	char *pfx = xstrdup(dir);
	const char *r = NULL;

	if (dir[0] == '/')
		r = check_prefix("/", 0, depth);
	for (i = 1; r == NULL && i <= len; i++) {
		if (i < len && dir[i] != '/')
			continue;
		if (dir[i - 1] == '/')          /* "//" or a trailing slash */
			continue;
		pfx[i] = '\0';
		r = check_prefix(pfx, plen, depth);
		pfx[i] = dir[i];
		plen = i;
	}
	free(pfx);
	return r;
}

/* The reference's checks before it opens a map file.  Returns SF_OK, or
 * SF_MISSING / SF_UNSAFE with *why set to the reason text. */
int map_safefile(const char *path, const char **why)
{
	struct stat st;
	const char *slash = strrchr(path, '/');
	char *dir;
	const char *r;

	dir = slash == NULL ? xstrdup("")
	    : xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	r = walk_dirs(dir, 0);
	free(dir);
	if (r != NULL) {
		*why = r;
		return SF_UNSAFE;
	}
	if (stat(path, &st) < 0) {
		*why = strerror(errno);
		return errno == ENOENT ? SF_MISSING : SF_UNSAFE;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = "Regular files only";
		return SF_UNSAFE;
	}
	if (!may_read(&st)) {
		*why = strerror(EACCES);
		return SF_UNSAFE;
	}
	return SF_OK;
}

/* ------------------------------------------------------------ db handle */

typedef struct dbh {
	DB *db;
	int fd;                 /* the database's own descriptor */
	struct timespec mtime;  /* of the file when opened */
	char *path;             /* file name with ".db" */
	DBTYPE type;
	buf_t failed;           /* key of the last get that failed */
	bool has_failed;
	mapcache_t cache;       /* answers while the file is unchanged */
	unsigned long checked;  /* decision of the last change check */
} dbh_t;

static void lock_fd(int fd, int op)
{
	while (flock(fd, op) < 0 && errno == EINTR)
		;
}

static bool open_quietly(const map_t *m)
{
	return (m->flags & MF_OPTIONAL) || m->cls == &map_class_implicit;
}

static void db_drop(dbh_t *h)
{
	if (h->db != NULL)
		h->db->close(h->db, 0);
	h->db = NULL;
	h->fd = -1;
}

/* an open that failed with a system error: the reference's syserr
 * makes the exit status EX_OSERR unless one is set already */
static void db_open_failed(void)
{
	if (sm_exitstat == 0)
		sm_set_exitstat(EX_OSERR);
}

/* the checks and messages before Berkeley DB sees the file */
static int db_check_path(const map_t *m, const dbh_t *h, bool quiet)
{
	const char *why = NULL;
	int sf = map_safefile(h->path, &why);

	if (sf == SF_OK)
		return MAP_OK;
	if (!quiet) {
		map_message("%s map \"%s\": %s map file %s: %s", m->cls->name, m->name,
			    sf == SF_MISSING ? "missing" : "unsafe", h->path, why);
		db_open_failed();
	}
	return MAP_TEMPFAIL;
}

/* a lookup reads a handful of pages: a small cache (Berkeley DB's default
 * is 256 KB, set up and partly written at each open, in each process)
 * keeps a map's open cheap; the kernel's page cache holds the file */
#define MAP_DB_CACHE (64 * 1024)

/* DB->open under a shared lock taken on a separate descriptor */
static int db_open_locked(dbh_t *h)
{
	int lockfd, r;

	lockfd = open(h->path, O_RDONLY | O_CLOEXEC);
	if (lockfd >= 0)
		lock_fd(lockfd, LOCK_SH);
	r = db_create(&h->db, NULL, 0);
	if (r == 0)
		r = h->db->set_cachesize(h->db, 0, MAP_DB_CACHE, 0);
	if (r == 0) {
		fflush(stdout);   /* Berkeley DB reports on stderr */
		r = h->db->open(h->db, NULL, h->path, NULL, h->type,
				DB_RDONLY | DB_FCNTL_LOCKING, 0);
	} else
		h->db = NULL;
	if (lockfd >= 0)
		close(lockfd);
	return r;
}

static int db_open_file(const map_t *m, dbh_t *h, bool quiet)
{
	struct stat st;
	int r;

	r = db_check_path(m, h, quiet);
	if (r != MAP_OK)
		return r;
	r = db_open_locked(h);
	if (r != 0) {
		db_drop(h);
		if (!quiet) {
			map_message("Cannot open %s database %s: %s",
				    m->cls == &map_class_btree ? "btree" : "hash",
				    h->path, strerror(r));
			db_open_failed();
		}
		return MAP_TEMPFAIL;
	}
	if (h->db->fd(h->db, &h->fd) != 0 || fstat(h->fd, &st) < 0) {
		db_drop(h);
		return MAP_TEMPFAIL;
	}
	h->mtime = st.st_mtim;
	return MAP_OK;
}

/* ------------------------------------------------------------ class ops */

static int db_parse_rest(map_t *m, const char *rest)
{
	return map_parse_filename(m, rest);
}

static void db_close(map_t *m)
{
	dbh_t *h = m->handle;

	if (h == NULL)
		return;
	db_drop(h);
	buf_free(&h->failed);
	mapcache_free(&h->cache);
	free(h->path);
	free(h);
	m->handle = NULL;
}

/* How are keys stored?  makemap stores them bare, newaliases (and
 * makemap -N) with a trailing NUL.  Looking at one key at open time
 * spares every miss the second lookup the other form would cost (the
 * reference learns the form from its first hit instead). */
static void db_learn_nul(map_t *m, dbh_t *h)
{
	DBC *c = NULL;
	DBT k, v;

	if ((m->flags & (MF_TRY0NULL | MF_TRY1NULL)) != (MF_TRY0NULL | MF_TRY1NULL))
		return;
	memset(&k, 0, sizeof k);
	memset(&v, 0, sizeof v);
	lock_fd(h->fd, LOCK_SH);
	if (h->db->cursor(h->db, NULL, &c, 0) == 0) {
		if (c->get(c, &k, &v, DB_FIRST) == 0 && k.size > 0) {
			if (((const char *)k.data)[k.size - 1] == '\0')
				m->flags &= ~MF_TRY0NULL;
			else
				m->flags &= ~MF_TRY1NULL;
		}
		c->close(c);
	}
	lock_fd(h->fd, LOCK_UN);
}

static int db_open(map_t *m)
{
	dbh_t *h;
	int r;

	if (m->file == NULL)
		return MAP_UNAVAIL;
	db_close(m);
	h = xcalloc(1, sizeof *h);
	h->fd = -1;
	buf_init(&h->failed, 0);
	h->path = dbw_path(m->file);
	h->type = m->cls == &map_class_btree ? DB_BTREE : DB_HASH;
	r = db_open_file(m, h, open_quietly(m));
	if (r != MAP_OK) {
		free(h->path);
		free(h);
		/* an implicit alias file without a usable database is read
		 * as text (src/aliases/alias_text.c) */
		if (m->cls == &map_class_implicit && (m->flags & MF_ALIAS) &&
		    map_alias_missing != NULL)
			return map_alias_missing(m);
		return r;
	}
	m->handle = h;
	db_learn_nul(m, h);
	if ((m->flags & MF_ALIAS) && map_alias_opened != NULL)
		return map_alias_opened(m);
	return MAP_OK;
}

static bool db_changed(const dbh_t *h)
{
	struct stat st;

	if (fstat(h->fd, &st) < 0)
		return true;
	return st.st_mtim.tv_sec != h->mtime.tv_sec ||
	       st.st_mtim.tv_nsec != h->mtime.tv_nsec;
}

/* the file changed under an open map: open it afresh.  A failure leaves
 * the map closed for good (m->open_status), as the reference does. */
static int db_reopen(map_t *m)
{
	dbh_t *h = m->handle;

	db_drop(h);
	if (db_open_file(m, h, open_quietly(m)) == MAP_OK)
		return MAP_OK;
	m->open_status = MAP_TEMPFAIL;
	if (m->flags & MF_OPTIONAL)
		return MAP_NOTFOUND;
	map_message("Cannot reopen DB database %s", m->file);
	return MAP_TEMPFAIL;
}

/* The generic layer retries a miss with a NUL added to the key (or
 * without it); after a failed get that retry is a miss, not a second
 * message, as the reference reports one failure per lookup. */
static bool db_retry_of_failure(dbh_t *h, const char *key, size_t klen)
{
	const buf_t *f = &h->failed;
	bool retry;

	if (!h->has_failed)
		return false;
	h->has_failed = false;
	retry = (klen == f->len + 1 && key[f->len] == '\0' && memcmp(key, f->p, f->len) == 0) ||
		(klen + 1 == f->len && f->p[klen] == '\0' && memcmp(key, f->p, klen) == 0);
	return retry;
}

static int db_fetch(dbh_t *h, const char *key, size_t klen, buf_t *out)
{
	DBT k, v;
	int r;

	memset(&k, 0, sizeof k);
	memset(&v, 0, sizeof v);
	k.data = (void *)key;
	k.size = (u_int32_t)klen;
	r = h->db->get(h->db, NULL, &k, &v, 0);
	if (r == 0)
		return buf_add(out, v.data, v.size) < 0 ? MAP_TEMPFAIL : MAP_OK;
	if (r != DB_NOTFOUND) {
		map_message("db_map_lookup: get (%.*s): %s", (int)strnlen(key, klen), key,
			    strerror(r));
		buf_reset(&h->failed);
		h->has_failed = buf_add(&h->failed, key, klen) == 0;
	}
	return MAP_NOTFOUND;
}

static int db_lookup(map_t *m, const char *key, size_t klen, buf_t *out)
{
	dbh_t *h = m->handle;
	size_t start = out->len;
	int r;

	if (h == NULL || h->db == NULL)
		return MAP_TEMPFAIL;
	if (klen > UINT32_MAX || db_retry_of_failure(h, key, klen))
		return MAP_NOTFOUND;
	/* inside a decision whose check has been made, a cached answer
	 * needs no system call (map_cache.h); otherwise the file is checked
	 * under the lock, which waits for a writer, and a rebuilt file is
	 * reopened: lock, fstat, unlock per lookup, as the reference does */
	if (mapcache_checked(&h->checked) && mapcache_get(&h->cache, key, klen, out, &r))
		return r;
	lock_fd(h->fd, LOCK_SH);
	if (db_changed(h)) {
		lock_fd(h->fd, LOCK_UN);
		mapcache_flush(&h->cache);
		r = db_reopen(m);
		if (r != MAP_OK)
			return r;
		lock_fd(h->fd, LOCK_SH);
	} else if (mapcache_get(&h->cache, key, klen, out, &r)) {
		lock_fd(h->fd, LOCK_UN);
		return r;
	}
	r = db_fetch(h, key, klen, out);
	lock_fd(h->fd, LOCK_UN);
	if (r == MAP_OK || (r == MAP_NOTFOUND && !h->has_failed))
		mapcache_put(&h->cache, key, klen, out->p ? out->p + start : "", out->len - start, r);
	return r;
}

const map_class_t map_class_hash = {
	"hash", NULL, db_parse_rest, db_open, db_lookup, NULL, db_close, 0
};
const map_class_t map_class_btree = {
	"btree", NULL, db_parse_rest, db_open, db_lookup, NULL, db_close, 0
};
const map_class_t map_class_implicit = {
	"implicit", NULL, db_parse_rest, db_open, db_lookup, NULL, db_close, 0
};
