/* map_unsupported.c - the nis and nisplus map classes.  The
 * reference's Linux build has them, but this build links no NIS
 * client (ldap is real: map_ldap.c): each parses its K line as the reference does and then
 * fails to open the way the reference fails on a host that runs no NIS
 * and no LDAP server (messages and status 75; "not open" with -o).
 * Classes the reference lacks too (hesiod, netinfo, nsd, ph, dbm,
 * cdb) are not registered, so their K lines get "class X not
 * available" from map.c. */
#include "maps/map.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int nis_open(map_t *m)
{
	char *at;

	if (m->file == NULL)
		return MAP_UNAVAIL;
	at = strchr(m->file, '@');

	if (!(m->flags & MF_OPTIONAL))
		map_syserr(0, "NIS map %.*s specified, but NIS not running",
			   (int)(at ? at - m->file : (long)strlen(m->file)), m->file);
	return MAP_TEMPFAIL;
}

static int nisplus_open(map_t *m)
{
	return m->file == NULL ? MAP_UNAVAIL : MAP_TEMPFAIL;
}

static int never_lookup(map_t *m, const char *key, size_t klen, buf_t *out)
{
	(void)m; (void)key; (void)klen; (void)out;
	return MAP_TEMPFAIL;
}

const map_class_t map_class_nis = {
	"nis", NULL, map_parse_filename, nis_open, never_lookup, NULL, NULL, 0
};
const map_class_t map_class_nisplus = {
	"nisplus", NULL, map_parse_filename, nisplus_open, never_lookup, NULL, NULL, 0
};
