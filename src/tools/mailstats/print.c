/* print.c - mailstats' two output forms, column for column as the
 * reference prints them: the table ("Statistics from <ctime>", one line
 * per mailer that received, delivered, rejected, discarded or quarantined
 * anything, the totals of those lines, the connections) and the
 * program-readable form (-p/-P: "itime now", the same lines without
 * headings and K suffixes). */
#include "tools/mailstats/mailstats.h"
#include <inttypes.h>
#include <stdio.h>

#define LD PRId64

static void counts(const int64_t n[ST_NARR], bool prog)
{
	const char *k = prog ? "" : "K";

	printf(" %8" LD " %10" LD "%s %8" LD " %10" LD "%s   %6" LD "  %6" LD "  %6" LD, n[ST_NF],
	       n[ST_BF], k, n[ST_NT], n[ST_BT], k, n[ST_NR], n[ST_ND], n[ST_NQ]);
}

static bool shown(const stats_t *s, int m)
{
	return s->v[ST_NF][m] || s->v[ST_NT][m] || s->v[ST_NR][m] || s->v[ST_ND][m] ||
	       s->v[ST_NQ][m];
}

static void mailer_lines(const stats_t *s, bool prog, char *const *names, int64_t tot[ST_NARR])
{
	for (int m = 0; m < STATS_MAXMAILERS; m++) {
		int64_t n[ST_NARR];
		if (!shown(s, m))
			continue;
		for (int a = 0; a < ST_NARR; a++) {
			n[a] = s->v[a][m];
			tot[a] += n[a];
		}
		printf("%2d", m);
		counts(n, prog);
		if (names != NULL)
			printf("  %s", names[m] ? names[m] : "");
		putchar('\n');
	}
}

void ms_print(const stats_t *s, time_t now, bool prog, char *const *names)
{
	int64_t tot[ST_NARR] = { 0 };
	time_t it = (time_t)s->itime;

	if (prog)
		printf("%" LD " %ld\n", s->itime, (long)now);
	else {
		const char *ct = ctime(&it);
		printf("Statistics from %s", ct != NULL ? ct : "?\n");
		printf(" M   msgsfr  bytes_from   msgsto    bytes_to  msgsrej msgsdis msgsqur%s\n",
		       names != NULL ? "  Mailer" : "");
	}
	mailer_lines(s, prog, names, tot);
	if (!prog)
		printf("=====================================================================\n");
	printf(" T");
	counts(tot, prog);
	putchar('\n');
	if (prog)
		printf(" C %8" LD " %8" LD " %6" LD "\n", s->conn[0], s->conn[1], s->conn[2]);
	else
		printf(" C %8" LD "             %8" LD "               %6" LD "\n", s->conn[0],
		       s->conn[1], s->conn[2]);
}
