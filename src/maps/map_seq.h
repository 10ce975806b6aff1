/* map_seq.h - the member list shared by the sequence and switch map
 * classes (map_sequence.c, map_switch.c). */
#ifndef SM_MAP_SEQ_H
#define SM_MAP_SEQ_H
#include "maps/map.h"

#define SEQ_MAXMAPS 64

typedef struct seqh {
	char *names[SEQ_MAXMAPS];   /* member maps, by name */
	int n;
} seqh_t;

seqh_t *seq_handle(map_t *m);
/* add a member if a map of that name is declared; false if not */
bool seq_add(seqh_t *h, const char *name, size_t len);
/* try the members in order (map_class_t.lookup_full) */
int seq_lookup(map_t *m, const char *key, const char **args, int nargs,
	       buf_t *out, int *stat);
void seq_close(map_t *m);

#endif
