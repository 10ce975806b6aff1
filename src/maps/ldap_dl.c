/* ldap_dl.c - dlopen() of libldap on first use (see ldap_dl.h). */
#define LDAP_DL_IMPL 1
#include "maps/ldap_dl.h"
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

struct ldap_fn ldap_fn;

/* the names OpenLDAP's shared library has had: 2.6 merged libldap_r
 * into libldap.so.2; Debian 12 has 2.5 */
static const char *const sonames[] = {
	"libldap.so.2", "libldap-2.5.so.0", "libldap-2.4.so.2", "libldap.so",
};

#define LDAP_FN_SLOT(f) { #f, offsetof(struct ldap_fn, f) },
static const struct { const char *name; size_t off; } slots[] = {
	LDAP_FN_LIST(LDAP_FN_SLOT)
};

static void *open_lib(void)
{
	size_t i;

	for (i = 0; i < sizeof sonames / sizeof sonames[0]; i++) {
		void *h = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
		if (h != NULL)
			return h;
	}
	return NULL;
}

/* every function or none: a half-filled table is never left behind */
static bool bind_all(void *h)
{
	struct ldap_fn t;
	size_t i;

	for (i = 0; i < sizeof slots / sizeof slots[0]; i++) {
		void *p = dlsym(h, slots[i].name);
		if (p == NULL)
			return false;
		memcpy((char *)&t + slots[i].off, &p, sizeof p);
	}
	ldap_fn = t;
	return true;
}

bool ldap_fn_load(const char **why)
{
	static int state;            /* 0 not tried, 1 loaded, -1 failed */
	void *h;

	if (state == 0) {
		h = open_lib();
		state = h != NULL && bind_all(h) ? 1 : -1;
		if (state < 0 && h != NULL)
			dlclose(h);
	}
	if (state < 0 && why != NULL)
		*why = "cannot load the OpenLDAP library (libldap)";
	return state > 0;
}
