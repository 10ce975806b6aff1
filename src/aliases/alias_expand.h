/* alias_expand.h - walking recipient lists through the alias database
 * (alias_expand.c), for -bv and later for delivery. */
#ifndef SM_ALIAS_EXPAND_H
#define SM_ALIAS_EXPAND_H
#include <stdbool.h>
#include <stddef.h>
#include "addr/parseaddr.h"

typedef struct alias_walk {
	/* parse one member into *a; false (after reporting) drops it */
	bool (*parse)(void *arg, const char *input, addr_t *a);
	/* an address that is not expanded further; takes input and a */
	void (*leaf)(void *arg, char *input, addr_t *a);
	/* a member that cannot be expanded (an :include: that cannot be read) */
	void (*error)(void *arg, const char *input, const char *msg, int exitstat);
	void *arg;
	char **expanded;      /* aliases already replaced */
	size_t nexp, capexp;
	bool self;            /* the alias being expanded names itself */
	bool loop;            /* an alias met twice was dropped */
	/* for the callbacks: the alias whose value the member came from (NULL
	 * at the top or in an :include: file), the :include: file being read
	 * (NULL outside one), the depth of the member */
	const char *parent;
	const char *parent_addr;   /* that alias as its referrer wrote it
	                              ("list@host"): ctladdr= shows this */
	const char *incfile;
	int depth;
	int maxdepth;         /* 0: the built-in limit */
	/* optional: before an alias is replaced by its value (1 go on, 0 leave
	 * the address as it is) */
	int (*expanding)(void *arg, const char *key, const char *value);
	/* optional: an :include: file about to be read (input names it), then
	 * each of its lines that holds members, numbered from 1 */
	void (*including)(void *arg, const char *input, const char *path);
	void (*include_line)(void *arg, const char *path, int lineno, const char *line);
} alias_walk_t;

/* split a comma-separated list into its members (malloc'd strings) */
char **alias_split_list(const char *list, size_t *n);
/* parse the members of list, then walk them last first; parent is the
 * alias whose value list is (NULL at the top) */
void alias_walk_list(alias_walk_t *w, const char *list, const char *parent, int depth);
void alias_walk_free(alias_walk_t *w);

#endif
