/* map_ldap.h - the ldap map class's private state: the K line's LDAP
 * settings (map_ldapargs.c parses them) and the open connection
 * (map_ldap.c searches with it through OpenLDAP's libldap). */
#ifndef SM_MAP_LDAP_H
#define SM_MAP_LDAP_H
#include "maps/map.h"
#include <stdbool.h>

#define LDAP_MAXATTR 32

typedef struct ldap_attr {
	char *name;
	int type;               /* LA_NORMAL, LA_DN, LA_FILTER, LA_URL */
	char *classes;          /* ":"-separated objectClass values or NULL */
} ldap_attr_t;

enum { LA_NORMAL, LA_DN, LA_FILTER, LA_URL };

typedef struct ldap_spec {
	char *hosts, *uri, *base, *binddn, *secret;
	int port, scope, deref, method, version;     /* -1: not set */
	int timelimit, sizelimit, nettimeout;        /* 0: none */
	bool single, attrsonly, noreferrals, multiarg;
	char *valsep;                                /* -V */
	int nattr;
	ldap_attr_t attr[LDAP_MAXATTR];
	void *ld;                                    /* LDAP * when open */
} ldap_spec_t;

ldap_spec_t *ldap_spec(map_t *m);
void ldap_spec_free(ldap_spec_t *s);
int ldap_parse_flag(map_t *m, int f, const char **pp);
int ldap_parse_rest(map_t *m, const char *rest);
/* fill the settings the K line left unset from LDAPDefaultSpec */
void ldap_apply_default(map_t *m, const char *spec);

#endif
