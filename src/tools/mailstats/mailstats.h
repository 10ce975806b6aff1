/* mailstats.h - the parts of the mailstats program. */
#ifndef SM_MAILSTATS_H
#define SM_MAILSTATS_H
#include "lib/buf.h"
#include "stats/stats.h"
#include <stdbool.h>

typedef struct ms_cf {
	buf_t statfile;   /* StatusFile (or the S option), last one wins */
	bool have_statfile;
	char *mailer[STATS_MAXMAILERS];   /* names by number, NULL if none */
} ms_cf_t;

/* read cffile for the statistics file and the mailers' numbers; -1 with
 * errno when the file cannot be opened, MS_TOO_MANY for a 26th mailer */
#define MS_TOO_MANY (-2)
int ms_read_cf(const char *cffile, ms_cf_t *c);
void ms_cf_free(ms_cf_t *c);

/* print s as the reference does: program-readable (-p/-P) or the table;
 * names NULL drops the Mailer column (-o) */
void ms_print(const stats_t *s, time_t now, bool prog, char *const *names);

#endif
