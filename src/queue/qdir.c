/* qdir.c - scanning a queue directory: every qf (or hf for -qQ) read under
 * a shared lock probe, selected, and sorted by QueueSortOrder; the
 * directories a QueueDirectory value with a '*' names. */
#include "queue/queue.h"
#include "addr/header.h"
#include "lib/xalloc.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* a queue id after the two letters of a file name: 1..31 id characters */
static bool id_ok(const char *id)
{
	size_t n = strlen(id);
	return n > 0 && n < 32 && strspn(id, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") == n;
}

long queue_df_size(const char *qdir, const envelope_t *e, const char *qid)
{
	buf_t p = BUF_INIT(4096);
	struct stat st;
	long r = -1;

	if (e->dfdir != NULL)
		buf_printf(&p, "%s/df%s", e->dfdir, qid);
	else
		qf_path(&p, qdir, 'd', qid);
	if (!p.overflow && stat(buf_str(&p), &st) == 0)
		r = (long)st.st_size;
	buf_free(&p);
	return r;
}

long queue_counted_size(const envelope_t *e)
{
	long n = e->msgsize;

	for (const hdr_t *h = e->hdrs; h != NULL; h = h->next) {
		size_t v = 0;
		if (h->flags & H_MEMONLY)
			continue;
		for (const char *p = h->value ? h->value : ""; *p; p++)
			if ((unsigned char)*p == MACRO_BYTE && p[1] != '\0')
				p++;
			else
				v++;
		n += (long)(strlen(h->name) + 2 + v + (h->lead ? strlen(h->lead) : v ? 1 : 0));
	}
	return n;
}

long queue_report_base(const envelope_t *e)
{
	long n = e->msgsize;

	for (const hdr_t *h = e->hdrs; h != NULL; h = h->next) {
		size_t v = h->value ? strlen(h->value) : 0;
		if (h->flags & H_MEMONLY)
			continue;
		n += (long)(strlen(h->name) + 1 + v + (h->lead ? strlen(h->lead) : v ? 1 : 0));
		if (h->cond != NULL && *h->cond != '\0')
			n++;
	}
	return n;
}

/* read one control file into q; false when it cannot be opened */
static bool read_entry(const char *qdir, int type, qentry_t *q)
{
	buf_t path = BUF_INIT(4096), err = BUF_INIT(512);
	struct stat st;
	FILE *fp;
	int fd;

	qf_path(&path, qdir, type, q->qid);
	fd = path.overflow ? -1 : open(buf_str(&path), O_RDONLY | O_CLOEXEC);
	buf_free(&path);
	if (fd < 0)
		return false;
	if (flock(fd, LOCK_SH | LOCK_NB) < 0 && (errno == EWOULDBLOCK || errno == EAGAIN))
		q->locked = true;
	if (fstat(fd, &st) == 0)
		q->mtime = st.st_mtime;
	fp = fdopen(fd, "r");
	if (fp == NULL) {
		close(fd);
		return false;
	}
	env_init(&q->env);
	q->bad = qf_read(fp, &q->env, &err) < 0;
	fclose(fp);
	buf_free(&err);
	q->env.qdir = xstrdup(qdir);
	memcpy(q->env.qid, q->qid, sizeof q->qid);
	q->env.msgsize = queue_df_size(qdir, &q->env, q->qid);
	return true;
}

static DIR *open_cf_dir(const char *qdir)
{
	buf_t p = BUF_INIT(4096);
	DIR *d;

	qf_path(&p, qdir, 'q', "");
	/* "DIR/qf" or "DIR/qf/qf": the directory is what precedes the last '/' */
	buf_truncate(&p, (size_t)(strrchr(buf_str(&p), '/') - p.p));
	d = p.overflow ? NULL : opendir(buf_str(&p));
	buf_free(&p);
	return d;
}

static const char *sort_letter;

static const char *first_host(const envelope_t *e)
{
	const char *at = e->rcpts != NULL ? strrchr(e->rcpts->addr, '@') : NULL;
	return at != NULL ? at + 1 : "";
}

static int cmp_entries(const void *a, const void *b)
{
	const qentry_t *x = a, *y = b;
	int c = 0;

	switch (*sort_letter) {
	case 'h': c = strcasecmp(first_host(&x->env), first_host(&y->env));
		if (c == 0)
			c = (x->env.prio > y->env.prio) - (x->env.prio < y->env.prio);
		break;
	case 'f': c = strcmp(x->qid, y->qid); break;
	case 't': c = (x->env.ctime > y->env.ctime) - (x->env.ctime < y->env.ctime); break;
	case 'm': c = (x->mtime > y->mtime) - (x->mtime < y->mtime); break;
	case 'n': case 'r': break;
	default: c = (x->env.prio > y->env.prio) - (x->env.prio < y->env.prio); break;
	}
	return c != 0 ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static void sort_entries(qentry_t *v, size_t n, const char *order)
{
	char letter = order != NULL && *order ? (char)(*order | 0x20) : 'p';

	if (n < 2)
		return;   /* (v may be NULL: qsort must not see it) */
	if (letter == 'r') {
		for (size_t i = n; i > 1; i--) {
			size_t j = (size_t)random() % i;
			qentry_t t = v[i - 1];
			v[i - 1] = v[j];
			v[j] = t;
		}
		return;
	}
	sort_letter = &letter;
	qsort(v, n, sizeof *v, cmp_entries);
	sort_letter = NULL;
}

qentry_t *queue_scan(const char *qdir, const qselect_t *sel,
		     const char *sortorder, size_t *n)
{
	int type = sel != NULL && sel->quarantined ? 'h' : 'q';
	DIR *d = open_cf_dir(qdir);
	qentry_t *v = NULL;
	size_t cap = 0, seq = 0;
	struct dirent *de;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		qentry_t q;
		if (de->d_name[0] != type || de->d_name[1] != 'f' || !id_ok(de->d_name + 2))
			continue;
		memset(&q, 0, sizeof q);
		memcpy(q.qid, de->d_name + 2, strlen(de->d_name + 2) + 1);
		q.seq = seq++;
		if (sel != NULL && sel->nids > 0 && !qselect_match(&(qselect_t){ .ids = sel->ids,
				.nids = sel->nids, .not_ids = sel->not_ids }, q.qid, &q.env))
			continue;
		if (!read_entry(qdir, type, &q))
			continue;
		if (!qselect_match(sel, q.qid, &q.env)) {
			env_free(&q.env);
			continue;
		}
		v = xgrow(v, &cap, *n + 1, sizeof *v);
		v[(*n)++] = q;
	}
	closedir(d);
	sort_entries(v, *n, sortorder);
	if (v == NULL)
		v = xcalloc(1, sizeof *v);
	return v;
}

void qentries_free(qentry_t *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		env_free(&v[i].env);
	free(v);
}

char **queue_dirs(const char *spec, size_t *n)
{
	char **v;
	glob_t g;
	size_t len = strlen(spec);

	*n = 0;
	if (len == 0 || spec[len - 1] != '*') {
		v = xcalloc(2, sizeof *v);
		v[0] = xstrdup(spec);
		*n = 1;
		return v;
	}
	v = xcalloc(1, sizeof *v);
	if (glob(spec, GLOB_ONLYDIR, NULL, &g) != 0)
		return v;
	for (size_t i = 0; i < g.gl_pathc; i++) {
		struct stat st;
		if (stat(g.gl_pathv[i], &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		v = xrealloc(v, (*n + 2) * sizeof *v);
		v[(*n)++] = xstrdup(g.gl_pathv[i]);
		v[*n] = NULL;
	}
	globfree(&g);
	return v;
}
