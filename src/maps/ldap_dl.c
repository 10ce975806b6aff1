/* ldap_dl.c - dlopen() of libldap on first use (see ldap_dl.h). */
#define LDAP_DL_IMPL 1
#include "maps/ldap_dl.h"
#include "lib/dl_table.h"
#include <stddef.h>

struct ldap_fn ldap_fn;

/* the names OpenLDAP's shared library has had: 2.6 merged libldap_r
 * into libldap.so.2; Debian 12 has 2.5 */
static const char *const sonames[] = {
	"libldap.so.2", "libldap-2.5.so.0", "libldap-2.4.so.2", "libldap.so",
};

#define LDAP_FN_SLOT(f) { #f, offsetof(struct ldap_fn, f) },
static const dl_slot_t slots[] = {
	LDAP_FN_LIST(LDAP_FN_SLOT)
};

bool ldap_fn_load(const char **why)
{
	static dl_table_t t = {
		sonames, sizeof sonames / sizeof sonames[0],
		slots, sizeof slots / sizeof slots[0], &ldap_fn, sizeof ldap_fn, 0,
	};

	if (!dl_table_load(&t)) {
		if (why != NULL)
			*why = "cannot load the OpenLDAP library (libldap)";
		return false;
	}
	return true;
}
