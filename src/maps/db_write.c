/* db_write.c - open, fill, query and dump Berkeley DB map files under the
 * reference's locking conventions (see db_write.h). */
#include "maps/db_write.h"
#include "lib/buf.h"
#include "lib/xalloc.h"
#include <db.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#define DBW_HASH_NELEM 4096
#define DBW_FILE_MODE  0640

struct dbw {
	DB *db;
	int lockfd;
	bool dups;
	bool writer;
};

char *dbw_path(const char *name)
{
	size_t n = strlen(name);
	buf_t b = BUF_INIT(0);

	buf_adds(&b, name);
	if (n < 3 || strcmp(name + n - 3, ".db") != 0)
		buf_adds(&b, ".db");
	return buf_steal(&b);
}

void dbw_fold(char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
}

const char *dbw_strerror(int err)
{
	return db_strerror(err);
}

static int lock_fd(int fd, int op)
{
	while (flock(fd, op) < 0)
		if (errno != EINTR)
			return errno;
	return 0;
}

/* our own descriptor on the file: created when a rebuild finds none,
 * locked for as long as the handle lives */
static int open_lockfd(const char *path, dbw_mode_t mode, int *fdp)
{
	int fd, err;
	bool ro = mode == DBW_READ;

	fd = open(path, (ro ? O_RDONLY : O_RDWR) | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && (mode == DBW_REBUILD || mode == DBW_UPDATE))
		fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, DBW_FILE_MODE);
	if (fd < 0)
		return errno;
	err = lock_fd(fd, ro ? LOCK_SH : LOCK_EX);
	if (err != 0) {
		close(fd);
		return err;
	}
	*fdp = fd;
	return 0;
}

/* Berkeley DB would print its diagnostics on stderr; the callers report */
static void db_quiet(const DB_ENV *env, const char *pfx, const char *msg)
{
	(void)env;
	(void)pfx;
	(void)msg;
}

static int db_configure(DB *db, const dbw_opts_t *o)
{
	int r = 0;

	db->set_errcall(db, db_quiet);
	if (o->dups)
		r = db->set_flags(db, DB_DUP);
	if (r == 0 && o->type == DBW_HASH && o->mode != DBW_READ && !o->no_nelem)
		r = db->set_h_nelem(db, DBW_HASH_NELEM);
	if (r == 0 && o->cachesize > 0)
		r = db->set_cachesize(db, 0, (u_int32_t)o->cachesize, 0);
	return r;
}

static u_int32_t open_flags(dbw_mode_t mode)
{
	switch (mode) {
	case DBW_READ:    return DB_RDONLY;
	case DBW_REBUILD: return DB_CREATE | DB_TRUNCATE;
	case DBW_UPDATE:  return DB_CREATE;
	default:          return 0;
	}
}

int dbw_open(dbw_t **out, const char *path, const dbw_opts_t *o)
{
	dbw_t *w = xcalloc(1, sizeof *w);
	int r;

	r = open_lockfd(path, o->mode, &w->lockfd);
	if (r != 0) {
		free(w);
		return r;
	}
	if (o->chown_to && o->mode != DBW_READ && fchown(w->lockfd, o->uid, o->gid) < 0 &&
	    !o->chown_soft) {
		r = errno;
		goto fail;
	}
	r = db_create(&w->db, NULL, 0);
	if (r != 0) {
		w->db = NULL;
		goto fail;
	}
	w->dups = o->dups;
	w->writer = o->mode != DBW_READ;
	r = db_configure(w->db, o);
	if (r == 0)
		r = w->db->open(w->db, NULL, path, NULL,
				o->type == DBW_BTREE ? DB_BTREE : DB_HASH, open_flags(o->mode), 0);
	if (r == 0) {
		*out = w;
		return 0;
	}
fail:
	if (w->db != NULL)
		w->db->close(w->db, 0);
	close(w->lockfd);
	free(w);
	return r;
}

static void dbt_set(DBT *d, const void *p, size_t n)
{
	memset(d, 0, sizeof *d);
	d->data = (void *)p;
	d->size = (u_int32_t)n;
}

int dbw_put(dbw_t *w, const void *k, size_t kl, const void *v, size_t vl, int how)
{
	DBT dk, dv;
	int r;

	dbt_set(&dk, k, kl);
	dbt_set(&dv, v, vl);
	r = w->db->put(w->db, NULL, &dk, &dv,
			  how == DBW_PUT_NEW && !w->dups ? DB_NOOVERWRITE : 0);
	return r == DB_KEYEXIST ? DBW_EXISTS : r;
}

int dbw_put_nul(dbw_t *w, const char *k, size_t kl, const char *v, size_t vl)
{
	buf_t kb = BUF_INIT(0), vb = BUF_INIT(0);
	int r;

	if (kl >= UINT32_MAX || vl >= UINT32_MAX)
		return EINVAL;
	buf_add(&kb, k, kl);
	buf_addc(&kb, '\0');
	buf_add(&vb, v, vl);
	buf_addc(&vb, '\0');
	r = dbw_put(w, kb.p, kb.len, vb.p, vb.len, DBW_PUT_NEW);
	if (r == DBW_EXISTS && dbw_put(w, kb.p, kb.len, vb.p, vb.len, DBW_PUT_REPLACE) != 0)
		r = EIO;
	buf_free(&kb);
	buf_free(&vb);
	return r;
}

int dbw_get(dbw_t *w, const void *k, size_t kl, const void **v, size_t *vl)
{
	DBT dk, dv;
	int r;

	dbt_set(&dk, k, kl);
	dbt_set(&dv, NULL, 0);
	r = w->db->get(w->db, NULL, &dk, &dv, 0);
	if (r == DB_NOTFOUND)
		return DBW_NOTFOUND;
	if (r == 0) {
		*v = dv.data;
		*vl = dv.size;
	}
	return r;
}

int dbw_del(dbw_t *w, const void *k, size_t kl)
{
	DBT dk;
	int r;

	dbt_set(&dk, k, kl);
	r = w->db->del(w->db, NULL, &dk, 0);
	return r == DB_NOTFOUND ? DBW_NOTFOUND : r;
}

int dbw_walk(dbw_t *w, dbw_walk_fn fn, void *arg)
{
	DBC *c = NULL;
	DBT dk, dv;
	int r, stop = 0;

	r = w->db->cursor(w->db, NULL, &c, 0);
	if (r != 0)
		return r;
	dbt_set(&dk, NULL, 0);
	dbt_set(&dv, NULL, 0);
	while (stop == 0 && (r = c->get(c, &dk, &dv, DB_NEXT)) == 0)
		stop = fn(dk.data, dk.size, dv.data, dv.size, arg);
	c->close(c);
	if (stop != 0)
		return stop;
	return r == DB_NOTFOUND ? 0 : r;
}

int dbw_close(dbw_t *w)
{
	int r = w->db->close(w->db, 0);

	if (r == 0 && w->writer && fdatasync(w->lockfd) < 0)
		r = errno;
	if (close(w->lockfd) < 0 && r == 0)
		r = errno;
	free(w);
	return r;
}
