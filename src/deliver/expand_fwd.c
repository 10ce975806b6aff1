/* expand_fwd.c - a local user's .forward file: the first file of the
 * ForwardPath list that exists and is safe (a regular file owned by the
 * user or root, not writable by group or others, unless
 * DontBlameSendmail says otherwise) is read line by line, each line a
 * list of addresses walked like an alias value. */
#include "deliver/deliver_int.h"
#include "lib/pwcache.h"
#include "aliases/alias_expand.h"
#include "log/log.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void expand_set_forward(void *arg, const char *user, const char *from, const char **ou,
			const char **of);

/* ForwardPath with $z (home) and $u (user) of this user */
static void forward_path(cf_t *cf, const struct passwd *pw, buf_t *out)
{
	const char *fp = opt_str(&cf->opt, OPT_ForwardPath);
	const char *oz = mac_get(&cf->mac, 'z'), *ou = mac_get(&cf->mac, 'u');
	char *sz = oz ? xstrdup(oz) : NULL, *su = ou ? xstrdup(ou) : NULL;

	mac_define(&cf->mac, 'z', pw->pw_dir);
	mac_define(&cf->mac, 'u', pw->pw_name);
	cf_expand(cf, fp ? fp : "$z/.forward", out);
	mac_define(&cf->mac, 'z', sz);
	mac_define(&cf->mac, 'u', su);
	free(sz);
	free(su);
}

static bool safe_file(const char *path, const struct passwd *pw)
{
	struct stat st;

	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	if (st.st_uid != pw->pw_uid && st.st_uid != 0) {
		sm_log(12, LOG_INFO, "forward: %s: not owned by the user", path);
		return false;
	}
	if (st.st_mode & (S_IWGRP | S_IWOTH)) {
		sm_log(12, LOG_INFO, "forward: %s: group or world writable", path);
		return false;
	}
	return true;
}

static int read_forward(dctx_t *d, alias_walk_t *w, FILE *f, const char *path)
{
	buf_t line = BUF_INIT(8192);
	int c, lineno = 0, n = 0;

	do {
		buf_reset(&line);
		while ((c = getc(f)) != EOF && c != '\n')
			buf_addc(&line, c);
		lineno++;
		if (line.len == 0 || line.p[0] == '#' || line.overflow)
			continue;
		dverbose(d, "%s: line %d: forwarding to %s", path, lineno, buf_str(&line));
		alias_walk_list(w, buf_str(&line), NULL, w->depth + 1);
		n++;
	} while (c != EOF);
	buf_free(&line);
	return n;
}

int expand_forward(dctx_t *d, alias_walk_t *w, const char *input, const addr_t *a)
{
	struct passwd *pw = pwc_getpwnam(a->user);
	buf_t paths = BUF_INIT(0);
	char *list, *save = NULL, *p, *user;
	const char *ou, *of;
	int n = 0;

	if (pw == NULL)
		return 0;
	user = xstrdup(pw->pw_name);
	forward_path(d->cf, pw, &paths);
	list = buf_steal(&paths);
	for (p = strtok_r(list, ":", &save); p != NULL && n == 0; p = strtok_r(NULL, ":", &save)) {
		FILE *f;
		if (!safe_file(p, pw) || (f = fopen(p, "r")) == NULL)
			continue;
		expand_set_forward(w->arg, user, input, &ou, &of);
		n = read_forward(d, w, f, p);
		expand_set_forward(w->arg, ou, of, &ou, &of);
		fclose(f);
		if (n == 0)
			n = -1;   /* an empty .forward: deliver to the user */
	}
	free(list);
	free(user);
	return n;
}
