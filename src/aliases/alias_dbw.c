/* alias_dbw.c - writing an alias database (Berkeley DB 5.3, hash or
 * btree) the way the reference's newaliases does.
 *
 * The file is opened (created mode 0640) and locked exclusively with
 * flock before Berkeley DB truncates and fills it in place, so a reader,
 * which takes a shared flock for each lookup, waits for the rebuild
 * instead of seeing half a database.  Keys and values are stored with a
 * trailing NUL; closing adds the "@" -> "@" entry that says the rebuild
 * completed, flushes, and only then releases the lock. */
#include "aliases/alias_dbw.h"
#include "lib/buf.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static void dbt_set(DBT *d, const void *p, size_t n)
{
	memset(d, 0, sizeof *d);
	d->data = (void *)p;
	d->size = (u_int32_t)n;
}

int alias_dbw_open(alias_dbw_t *w, const char *path, int hash, long owner)
{
	int r;

	memset(w, 0, sizeof *w);
	w->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0640);
	if (w->lockfd < 0)
		return errno;
	while (flock(w->lockfd, LOCK_EX) < 0)
		if (errno != EINTR)
			break;
	if (owner >= 0 && fchown(w->lockfd, (uid_t)owner, (gid_t)-1) < 0) {
		/* ownership is best effort: the database is still usable */
	}
	r = db_create(&w->db, NULL, 0);
	if (r == 0)
		r = w->db->open(w->db, NULL, path, NULL, hash ? DB_HASH : DB_BTREE,
				DB_CREATE | DB_TRUNCATE, 0640);
	if (r != 0) {
		alias_dbw_abort(w);
		return r;
	}
	return 0;
}

/* key and value get their trailing NUL here; *dup says whether the key
 * was there already (the new value replaces it) */
int alias_dbw_put(alias_dbw_t *w, const char *key, size_t klen, const char *val,
		  size_t vlen, int *dup)
{
	buf_t k = BUF_INIT(0), v = BUF_INIT(0);
	DBT dk, dv;
	int r;

	if (klen >= UINT32_MAX || vlen >= UINT32_MAX)
		return EINVAL;
	buf_add(&k, key, klen);
	buf_addc(&k, '\0');
	buf_add(&v, val, vlen);
	buf_addc(&v, '\0');
	dbt_set(&dk, k.p, k.len);
	dbt_set(&dv, v.p, v.len);
	r = w->db->put(w->db, NULL, &dk, &dv, DB_NOOVERWRITE);
	*dup = r == DB_KEYEXIST;
	if (r == DB_KEYEXIST)
		r = w->db->put(w->db, NULL, &dk, &dv, 0);
	buf_free(&k);
	buf_free(&v);
	return r;
}

int alias_dbw_close(alias_dbw_t *w)
{
	int dup, r, r2;

	r = alias_dbw_put(w, "@", 1, "@", 1, &dup);
	r2 = w->db->close(w->db, 0);
	w->db = NULL;
	if (r == 0)
		r = r2;
	if (r == 0 && fdatasync(w->lockfd) < 0)
		r = errno;
	close(w->lockfd);   /* releases the lock */
	w->lockfd = -1;
	return r;
}

void alias_dbw_abort(alias_dbw_t *w)
{
	if (w->db != NULL)
		w->db->close(w->db, 0);
	w->db = NULL;
	if (w->lockfd >= 0)
		close(w->lockfd);
	w->lockfd = -1;
}
