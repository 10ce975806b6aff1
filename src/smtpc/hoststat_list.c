/* hoststat_list.c - sendmail -bh (hoststat): every host status file
 * under HostStatusDirectory, in directory order, one line each: the host
 * name, how long ago it was written, the result (the reply, or the
 * failure in words) cut to the width of the reference's table; nothing
 * at all when the option is unset or the directory holds no file.
 * sendmail -bH (purgestat) is accepted and, as the reference 8.17 does,
 * leaves the files in place. */
#include "smtpc/hoststat.h"
#include "conf/options.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>

#define MAXDEPTH 64

typedef struct walk {
	FILE *out;
	bool header;
	time_t now;
	char *labels[MAXDEPTH];
	int depth;
} walk_t;

static void results(const hoststat_t *h, buf_t *b)
{
	if (h->reply[0])
		buf_adds(b, h->reply);
	else if (h->err != 0)
		buf_printf(b, "%s%s", h->exitstat == EX_TEMPFAIL ? "Deferred: " : "", strerror(h->err));
	else if (h->exitstat == EX_TEMPFAIL)
		buf_adds(b, "Deferred");
	else if (h->exitstat != 0)
		buf_printf(b, "%s", h->dsn);
}

static void print_one(walk_t *w, const char *path)
{
	hoststat_t h;
	buf_t name = BUF_INIT(1024), res = BUF_INIT(0), ago = BUF_INIT(0);
	long secs;

	if (hoststat_read(path, &h) != 0)
		return;
	for (int i = w->depth - 1; i >= 0; i--) {
		const char *l = w->labels[i];
		size_t n = strlen(l);
		if (n > 0 && l[n - 1] == '.')
			n--;
		buf_printf(&name, "%s%.*s", name.len ? "." : "", (int)n, l);
	}
	if (!w->header)
		fprintf(w->out, " -------------- Hostname --------------- How long ago ---------Results---------\n");
	w->header = true;
	secs = (long)(w->now - h.updated);
	if (secs < 0)
		secs = 0;
	if (secs >= 86400)
		buf_printf(&ago, "%ld+", secs / 86400);
	buf_printf(&ago, "%02ld:%02ld:%02ld", secs % 86400 / 3600, secs % 3600 / 60, secs % 60);
	results(&h, &res);
	fprintf(w->out, " %-40s%12s %.25s\n", buf_str(&name), buf_str(&ago), buf_str(&res));
	buf_free(&name);
	buf_free(&res);
	buf_free(&ago);
}

static void walk_dir(walk_t *w, const char *dir)
{
	DIR *d;
	struct dirent *de;
	buf_t p = BUF_INIT(4096);

	if (w->depth >= MAXDEPTH || (d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		struct stat st;
		if (de->d_name[0] == '.' && (de->d_name[1] == '\0' || strcmp(de->d_name, "..") == 0))
			continue;
		buf_reset(&p);
		buf_printf(&p, "%s/%s", dir, de->d_name);
		if (p.overflow || lstat(buf_str(&p), &st) != 0)
			continue;
		w->labels[w->depth++] = de->d_name;
		if (S_ISDIR(st.st_mode))
			walk_dir(w, buf_str(&p));
		else if (S_ISREG(st.st_mode))
			print_one(w, buf_str(&p));
		w->depth--;
	}
	closedir(d);
	buf_free(&p);
}

/* the directory, or the reference's warning when it is missing */
static bool usable(cf_t *cf, FILE *out, buf_t *dir)
{
	struct stat st;

	if (!hoststat_dir(cf, dir))
		return false;
	if (stat(buf_str(dir), &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(out, "Warning: Cannot use HostStatusDirectory = %s: %s\n",
			opt_str(&cf->opt, OPT_HostStatusDirectory),
			strerror(errno ? errno : ENOTDIR));
		return false;
	}
	return true;
}

int hoststat_print(cf_t *cf, FILE *out)
{
	buf_t dir = BUF_INIT(4096);
	walk_t w = { .out = out, .now = time(NULL) };

	if (usable(cf, out, &dir))
		walk_dir(&w, buf_str(&dir));
	buf_free(&dir);
	return EX_OK;
}

int hoststat_purge(cf_t *cf, FILE *out)
{
	buf_t dir = BUF_INIT(4096);

	(void)usable(cf, out, &dir);
	buf_free(&dir);
	return EX_OK;
}
