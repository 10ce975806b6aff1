/* alias_build.c - rebuild one alias database from its text file.
 *
 * The text file is locked (flock, without waiting: a file already locked
 * is being rebuilt by someone else and is left alone), the database is
 * created under its own exclusive lock (maps/db_write.c), every logical line
 * is parsed and stored, and the summary line is printed and logged.
 * Messages have the reference's words: "FILE: line N: ..." for a line's
 * problems (system errors among them also go to syslog as SYSERR and make
 * the exit status EX_SOFTWARE), "FILE: N aliases, longest L bytes, T
 * bytes total" at the end. */
#include "aliases/aliases.h"
#include "aliases/alias_build.h"
#include "maps/db_write.h"
#include "lib/exitstat.h"
#include <errno.h>
#include <fcntl.h>
#include "log/log.h"
#include <pwd.h>
#include <stdarg.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <syslog.h>
#include <unistd.h>

typedef struct build {
	const char *file;
	alias_reader_t rd;
	long naliases, longest, total;
} build_t;


void alias_syslog(int prio, const char *fmt, ...)
{
	static bool opened;
	va_list ap;

	if (!opened) {
		openlog("sendmail", LOG_PID, LOG_MAIL);
		opened = true;
	}
	va_start(ap, fmt);
	vsyslog(prio, fmt, ap);
	va_end(ap);
}

static void first_error(int st)
{
	if (sm_exitstat == EX_OK && st != EX_OK)
		sm_set_exitstat(st);
}

static void line_diag(void *arg, int kind, int st, const char *msg)
{
	build_t *b = arg;

	printf("%s: line %d: %s\n", b->file, b->rd.lineno, msg);
	if (kind == AD_SYSERR)
		alias_syslog(LOG_CRIT, "NOQUEUE: SYSERR(%s): %s: line %d: %s", log_real_user(),
			     b->file, b->rd.lineno, msg);
	if (kind != AD_WARN)
		first_error(st);
}

static void store(build_t *b, dbw_t *w, alias_entry_t *e)
{
	buf_t msg = BUF_INIT(0);
	int r = dbw_put_nul(w, e->key.p ? e->key.p : "", e->key.len, e->value, e->vlen);

	if (r != 0 && r != DBW_EXISTS)
		return;
	if (r == DBW_EXISTS) {
		buf_printf(&msg, "%s... Warning: duplicate alias name %s", buf_str(&e->lhs),
			   buf_str(&e->key));
		line_diag(b, AD_WARN, EX_OK, buf_str(&msg));
		buf_free(&msg);
	}
	b->naliases++;
	if ((long)e->vlen > b->longest)
		b->longest = (long)e->vlen;
	b->total += (long)(e->key.len + e->vlen);
}

static void read_all(cf_t *cf, build_t *b, dbw_t *w, bool fold)
{
	buf_t line = BUF_INIT(0);
	alias_entry_t e;
	int r;

	alias_entry_init(&e);
	while ((r = alias_read_line(&b->rd, &line)) != AL_EOF) {
		if (r == AL_TOOLONG) {
			int now = b->rd.lineno;
			b->rd.lineno = b->rd.toolong_line;
			line_diag(b, AD_SYSERR, EX_SOFTWARE, "alias line too long");
			b->rd.lineno = now;
			continue;
		}
		if (alias_parse_line(cf, buf_str(&line), fold, &e, line_diag, b))
			store(b, w, &e);
	}
	alias_entry_free(&e);
	buf_free(&line);
}

/* the database's directory must not be writable by others */
static bool dir_unsafe(const char *path)
{
	const char *slash = strrchr(path, '/');
	buf_t d = BUF_INIT(0);
	struct stat st;
	bool bad = false;

	buf_add(&d, path, slash == NULL ? 1 : slash == path ? 1 : (size_t)(slash - path));
	if (slash == NULL)
		buf_set(&d, ".");
	if (stat(buf_str(&d), &st) == 0 && (st.st_mode & (S_IWOTH | S_IWGRP))) {
		printf("WARNING: %s writable directory %s\n",
		       (st.st_mode & S_IWOTH) ? "World" : "Group", buf_str(&d));
		bad = true;
	}
	buf_free(&d);
	return bad;
}

static int open_db(const char *file, const char *dbpath, int hash, long owner, dbw_t **w)
{
	dbw_opts_t o;

	memset(&o, 0, sizeof o);
	o.type = hash ? DBW_HASH : DBW_BTREE;
	o.mode = DBW_REBUILD;
	o.no_nelem = true;
	o.chown_to = owner >= 0;
	o.chown_soft = true;
	o.uid = (uid_t)owner;
	o.gid = (gid_t)-1;
	if (!dir_unsafe(dbpath) && dbw_open(w, dbpath, &o) == 0)
		return 0;
	printf("WARNING: cannot open alias database %s\n", file);
	printf("Cannot create database for alias file %s\n", file);
	first_error(EX_SOFTWARE);
	return -1;
}

static void rebuild_locked(cf_t *cf, const alias_src_t *src, FILE *f)
{
	build_t b;
	dbw_t *w;
	buf_t dbpath = BUF_INIT(0);
	int r;

	memset(&b, 0, sizeof b);
	b.file = src->file;
	b.rd.f = f;
	buf_printf(&dbpath, "%s.db", src->file);
	if (open_db(src->file, buf_str(&dbpath), src->hash, src->owner, &w) == 0) {
		alias_syslog(LOG_NOTICE, "alias database %s rebuilt by %s", src->file, log_real_user());
		read_all(cf, &b, w, src->fold);
		/* the completion marker goes last */
		r = dbw_put_nul(w, "@", 1, "@", 1);
		if ((r != 0 && r != DBW_EXISTS) | (dbw_close(w) != 0))
			first_error(EX_IOERR);
		printf("%s: %ld aliases, longest %ld bytes, %ld bytes total\n", src->file,
		       b.naliases, b.longest, b.total);
		alias_syslog(LOG_INFO, "%s: %ld aliases, longest %ld bytes, %ld bytes total",
			     src->file, b.naliases, b.longest, b.total);
	}
	buf_free(&dbpath);
}

void alias_rebuild(cf_t *cf, const alias_src_t *src)
{
	int fd = open(src->file, O_RDWR | O_CLOEXEC);
	FILE *f;

	if (fd < 0)
		fd = open(src->file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		printf("newaliases: cannot open %s: %s\n", src->file, strerror(errno));
		return;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0 && errno == EWOULDBLOCK) {
		printf("Alias file %s is locked (maybe being rebuilt)\n", src->file);
		close(fd);
		return;
	}
	f = fdopen(fd, "r");
	if (f == NULL) {
		close(fd);
		return;
	}
	rebuild_locked(cf, src, f);
	fclose(f);   /* releases the lock on the text file */
}
