/* map_registry.c - the list of map classes this build offers, and the
 * maps the reference defines without a K line. */
#include "maps/map.h"

extern const map_class_t map_class_dequote, map_class_arith, map_class_macro,
	map_class_null, map_class_stab, map_class_host;
extern const map_class_t map_class_dns, map_class_bestmx, map_class_arpa;
extern const map_class_t map_class_regex, map_class_program, map_class_socket,
	map_class_sequence, map_class_switch, map_class_user, map_class_syslog,
	map_class_nis, map_class_nisplus, map_class_ldap;
extern const map_class_t map_class_hash, map_class_btree, map_class_implicit, map_class_text;

void map_register_builtin_classes(void)
{
	static const map_class_t *const all[] = {
		&map_class_hash, &map_class_btree, &map_class_implicit, &map_class_text,
		&map_class_dequote, &map_class_arith, &map_class_macro,
		&map_class_null, &map_class_stab, &map_class_host,
		&map_class_dns, &map_class_bestmx, &map_class_arpa,
		&map_class_regex, &map_class_program, &map_class_socket,
		&map_class_sequence, &map_class_switch, &map_class_user, &map_class_syslog,
		&map_class_nis, &map_class_nisplus, &map_class_ldap,
	};
	size_t i;
	for (i = 0; i < sizeof all / sizeof all[0]; i++)
		map_register_class(all[i]);
}
