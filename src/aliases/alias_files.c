/* alias_files.c - the AliasFile option: its list of specs, the maps the
 * reference declares for it, and newaliases over the list.
 *
 * Each spec is "class:flags file" or a bare file (class implicit).  Spec
 * i becomes map "Alias<i>"; "aliases.files" looks the Alias maps up in
 * order, and "aliases" (the reference's switch on the "aliases" service,
 * which is "files" here) looks up "aliases.files".  newaliases rebuilds
 * the specs whose class is a Berkeley DB one (hash, btree, implicit). */
#include "aliases/aliases.h"
#include "lib/pwcache.h"
#include "aliases/alias_build.h"
#include "conf/options.h"
#include "lib/exitstat.h"
#include "lib/xalloc.h"
#include "maps/map.h"
#include <ctype.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

char **alias_file_specs(const char *opt, size_t *n)
{
	char **v = NULL;
	size_t cap = 0;
	const char *p = opt ? opt : "", *e, *s;

	*n = 0;
	while (*p) {
		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		for (s = p; s < e && isspace((unsigned char)*s); s++)
			;
		while (e > s && isspace((unsigned char)e[-1]))
			e--;
		if (e > s) {
			v = xgrow(v, &cap, *n + 1, sizeof *v);
			v[(*n)++] = xstrndup(s, (size_t)(e - s));
		}
		p = strchr(p, ',') ? strchr(p, ',') + 1 : p + strlen(p);
	}
	return v;
}

void alias_free_specs(char **v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* "hash:-N /etc/x" -> class "hash", rest "-N /etc/x"; a bare name is
 * implicit */
static void split_spec(const char *spec, buf_t *cls, const char **rest)
{
	const char *p = spec;

	while (isalnum((unsigned char)*p) || *p == '_' || *p == '-' || *p == '.')
		p++;
	buf_reset(cls);
	if (*p == ':' && p > spec) {
		buf_add(cls, spec, (size_t)(p - spec));
		*rest = p + 1;
	} else {
		buf_adds(cls, "implicit");
		*rest = spec;
	}
}

static map_t *declare_alias_map(size_t i, const char *spec)
{
	buf_t line = BUF_INIT(0), cls = BUF_INIT(0);
	const char *rest;
	map_t *m;

	split_spec(spec, &cls, &rest);
	buf_printf(&line, "Alias%zu %s %s", i, buf_str(&cls), rest);
	m = map_declare(buf_str(&line), NULL, NULL);
	if (m != NULL)
		m->flags |= MF_ALIAS;
	buf_free(&line);
	buf_free(&cls);
	return m;
}

void alias_declare_maps(cf_t *cf)
{
	size_t n, i;
	char **v = alias_file_specs(opt_str(&cf->opt, OPT_AliasFile), &n);
	buf_t seq = BUF_INIT(0);

	alias_register_class();
	map_alias_opened = alias_db_opened;
	map_alias_missing = alias_db_missing;
	alias_text_config(cf);
	alias_wait_config(opt_num(&cf->opt, OPT_AliasWait), true);
	buf_adds(&seq, "aliases.files " ALIAS_SEQ_CLASS);
	for (i = 0; i < n; i++)
		if (declare_alias_map(i, v[i]) != NULL)
			buf_printf(&seq, " Alias%zu", i);
	map_declare(buf_str(&seq), NULL, NULL);
	map_declare("aliases " ALIAS_SEQ_CLASS " aliases.files", NULL, NULL);
	buf_free(&seq);
	alias_free_specs(v, n);
}

static long trusted_uid(cf_t *cf)
{
	const char *t = opt_str(&cf->opt, OPT_TrustedUser);
	struct passwd *pw;
	char *e;
	long u;

	if (t == NULL || *t == '\0')
		return -1;
	u = strtol(t, &e, 10);
	if (*e == '\0' && u >= 0)
		return u;
	pw = pwc_getpwnam(t);
	return pw != NULL ? (long)pw->pw_uid : -1;
}

int alias_newaliases(cf_t *cf)
{
	size_t n, i;
	char **v = alias_file_specs(opt_str(&cf->opt, OPT_AliasFile), &n);
	long owner = trusted_uid(cf);

	for (i = 0; i < n; i++) {
		map_t *m = declare_alias_map(i, v[i]);
		const char *c = m != NULL ? m->cls->name : "";
		alias_src_t src;

		if (m == NULL || m->file == NULL ||
		    (strcmp(c, "hash") != 0 && strcmp(c, "btree") != 0 && strcmp(c, "implicit") != 0))
			continue;
		src.file = m->file;
		src.hash = strcmp(c, "btree") != 0;
		src.fold = !(m->flags & MF_NOFOLDCASE);
		src.owner = owner;
		alias_rebuild(cf, &src);
	}
	alias_free_specs(v, n);
	return sm_exitstat;
}
