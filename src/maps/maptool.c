/* maptool.c - TrustedUser from sendmail.cf, path checks and printing
 * helpers shared by makemap and editmap (see maptool.h). */
#include "maps/maptool.h"
#include "lib/buf.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CF_LINEMAX 4096
#define EX_NOINPUT_ 66

static char *skip_blanks(char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* value of "O TrustedUser=VALUE" (trailing blanks removed), else NULL */
static char *trusted_value(char *line)
{
	char *p, *e;
	static const char opt[] = "TrustedUser";

	if (line[0] != 'O')
		return NULL;
	p = skip_blanks(line + 1);
	if (strncmp(p, opt, sizeof opt - 1) != 0)
		return NULL;
	p = skip_blanks(p + sizeof opt - 1);
	if (*p != '=')
		return NULL;
	p = skip_blanks(p + 1);
	e = p + strlen(p);
	while (e > p && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return p;
}

static void set_owner(dbw_opts_t *o, const char *v)
{
	struct passwd *pw;
	char *end;
	unsigned long n;

	if (*v == '\0')
		return;
	errno = 0;
	n = strtoul(v, &end, 10);
	if (*end == '\0' && errno == 0) {
		o->chown_to = true;
		o->uid = (uid_t)n;
		return;
	}
	pw = getpwnam(v);
	if (pw == NULL) {
		fprintf(stderr, "TrustedUser: unknown user %s\n", v);
		return;
	}
	o->chown_to = true;
	o->uid = pw->pw_uid;
}

int maptool_trusted_user(const char *prog, const char *cf, dbw_opts_t *o)
{
	FILE *fp;
	char line[CF_LINEMAX];
	char *v;

	o->chown_to = false;
	o->uid = (uid_t)-1;
	o->gid = (gid_t)-1;
	if (geteuid() != 0)
		return 0;
	fp = fopen(cf, "r");
	if (fp == NULL) {
		fprintf(stderr, "%s: %s: %s\n", prog, cf, strerror(errno));
		return EX_NOINPUT_;
	}
	while (fgets(line, sizeof line, fp) != NULL)
		if ((v = trusted_value(line)) != NULL)
			set_owner(o, v);
	fclose(fp);
	return 0;
}

static void warn_dir(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return;
	if (st.st_mode & S_IWOTH)
		fprintf(stderr, "WARNING: World writable directory %s\n", dir);
	else if (st.st_mode & S_IWGRP)
		fprintf(stderr, "WARNING: Group writable directory %s\n", dir);
}

/* every directory on the way to the file, as named in the path */
static void warn_dirs(const char *path)
{
	const char *s;
	char *pfx;

	for (s = strchr(path + 1, '/'); s != NULL; s = strchr(s + 1, '/')) {
		if (s[-1] == '/')
			continue;
		pfx = xstrndup(path, (size_t)(s - path));
		warn_dir(pfx);
		free(pfx);
	}
}

static const char *check_file(const char *path, bool unsafe_ok)
{
	struct stat st;

	if (unsafe_ok || lstat(path, &st) < 0)
		return NULL;
	if (S_ISLNK(st.st_mode))
		return "Symbolic links not allowed";
	if (S_ISREG(st.st_mode) && st.st_nlink > 1)
		return "Hard links not allowed";
	return NULL;
}

const char *maptool_check_path(const char *path, bool unsafe_ok)
{
	const char *why = check_file(path, unsafe_ok);

	/* the reference looks twice (for the map and for its lock) */
	warn_dirs(path);
	if (why == NULL)
		warn_dirs(path);
	return why;
}

void maptool_print(const void *p, size_t n, FILE *fp)
{
	const char *z;

	if (n == 0)
		return;
	z = memchr(p, '\0', n);
	fwrite(p, 1, z == NULL ? n : (size_t)(z - (const char *)p), fp);
}
