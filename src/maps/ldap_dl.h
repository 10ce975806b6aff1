/* ldap_dl.h - OpenLDAP's libldap, loaded when the first ldap map connects.
 *
 * Linking libldap makes every sendmail process load it and about ten
 * libraries behind it (GnuTLS, nettle, gmp, p11-kit, SASL, ...) and run
 * their constructors: about 1.5 ms of CPU per start-up, paid by every
 * `sendmail -oi user` from cron although almost no configuration has an
 * ldap map.  So the library is opened with dlopen() on first use and its
 * functions are called through ldap_fn; map_ldap.c keeps calling them by
 * their names (the macros below).  The prototypes come from <ldap.h>. */
#ifndef SM_MAPS_LDAP_DL_H
#define SM_MAPS_LDAP_DL_H
#ifndef LDAP_DEPRECATED
#define LDAP_DEPRECATED 1
#endif
#include <ldap.h>
#include <stdbool.h>

#define LDAP_FN_LIST(X) \
	X(ldap_initialize) X(ldap_set_option) X(ldap_get_option) X(ldap_bind_s) \
	X(ldap_unbind_ext) X(ldap_search) X(ldap_result) X(ldap_abandon_ext) \
	X(ldap_parse_result) X(ldap_msgfree) X(ldap_first_entry) X(ldap_next_entry) \
	X(ldap_first_attribute) X(ldap_next_attribute) X(ldap_get_values) \
	X(ldap_value_free) X(ldap_memfree) X(ldap_err2string) X(ber_free)

#define LDAP_FN_MEMBER(f) __typeof__(f) *f;
struct ldap_fn {
	LDAP_FN_LIST(LDAP_FN_MEMBER)
};
#undef LDAP_FN_MEMBER
extern struct ldap_fn ldap_fn;

/* load libldap once; false with *why set when it cannot be loaded */
bool ldap_fn_load(const char **why);

#ifndef LDAP_DL_IMPL
#define ldap_initialize (*ldap_fn.ldap_initialize)
#define ldap_set_option (*ldap_fn.ldap_set_option)
#define ldap_get_option (*ldap_fn.ldap_get_option)
#define ldap_bind_s (*ldap_fn.ldap_bind_s)
#define ldap_unbind_ext (*ldap_fn.ldap_unbind_ext)
#define ldap_search (*ldap_fn.ldap_search)
#define ldap_result (*ldap_fn.ldap_result)
#define ldap_abandon_ext (*ldap_fn.ldap_abandon_ext)
#define ldap_parse_result (*ldap_fn.ldap_parse_result)
#define ldap_msgfree (*ldap_fn.ldap_msgfree)
#define ldap_first_entry (*ldap_fn.ldap_first_entry)
#define ldap_next_entry (*ldap_fn.ldap_next_entry)
#define ldap_first_attribute (*ldap_fn.ldap_first_attribute)
#define ldap_next_attribute (*ldap_fn.ldap_next_attribute)
#define ldap_get_values (*ldap_fn.ldap_get_values)
#define ldap_value_free (*ldap_fn.ldap_value_free)
#define ldap_memfree (*ldap_fn.ldap_memfree)
#define ldap_err2string (*ldap_fn.ldap_err2string)
#define ber_free (*ldap_fn.ber_free)
#endif
#endif
