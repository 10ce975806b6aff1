/* map_user.c - the user map class: passwd entries by login name.
 *
 * "Kname user [-vfield]": the key, always lowercased, is looked up
 * with getpwnam; the value is the field named by -v (name, passwd,
 * uid, gid, gecos, dir, shell; any case; the name when -v is absent).
 * As in the reference: an unknown field name is reported when the map
 * opens and its lookups fail temporarily; an unknown user is no match
 * with status 67; -m returns the lowercased key. */
#include "maps/map.h"
#include "lib/pwcache.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

enum { UF_NAME, UF_PASSWD, UF_UID, UF_GID, UF_GECOS, UF_DIR, UF_SHELL };

static const char *const user_fields[] = {
	"name", "passwd", "uid", "gid", "gecos", "dir", "shell",
};

static int user_open(map_t *m)
{
	int *field = xmalloc(sizeof *field);
	size_t i;

	free(m->handle);
	m->handle = field;
	*field = UF_NAME;
	if (m->valcol == NULL)
		return MAP_OK;
	for (i = 0; i < sizeof user_fields / sizeof user_fields[0]; i++)
		if (strcasecmp(m->valcol, user_fields[i]) == 0) {
			*field = (int)i;
			return MAP_OK;
		}
	map_syserr(0, "User map %s: unknown column name %s", m->name, m->valcol);
	return MAP_TEMPFAIL;
}

static void user_field(const struct passwd *pw, int field, buf_t *out)
{
	switch (field) {
	case UF_PASSWD: buf_adds(out, pw->pw_passwd); break;
	case UF_UID: buf_printf(out, "%ld", (long)pw->pw_uid); break;
	case UF_GID: buf_printf(out, "%ld", (long)pw->pw_gid); break;
	case UF_GECOS: buf_adds(out, pw->pw_gecos); break;
	case UF_DIR: buf_adds(out, pw->pw_dir); break;
	case UF_SHELL: buf_adds(out, pw->pw_shell); break;
	default: buf_adds(out, pw->pw_name); break;
	}
}

static int user_lookup(map_t *m, const char *key, const char **args, int nargs,
		       buf_t *out, int *stat)
{
	const int *field = m->handle;
	char *k = xstrdup(key);
	struct passwd *pw;
	buf_t val = BUF_INIT(0);

	sm_lower(k);
	pw = pwc_getpwnam(k);
	*stat = pw ? MAP_OK : EX_NOUSER;
	if (pw != NULL) {
		if (m->flags & MF_MATCHONLY)
			buf_adds(&val, k);
		else
			user_field(pw, field ? *field : UF_NAME, &val);
		map_rewrite(m, buf_str(&val), val.len, key, args, nargs, out);
	}
	buf_free(&val);
	free(k);
	return pw != NULL;
}

static void user_close(map_t *m)
{
	free(m->handle);
	m->handle = NULL;
}

const map_class_t map_class_user = {
	"user", NULL, NULL, user_open, NULL, user_lookup, user_close, 0
};
