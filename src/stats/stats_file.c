/* stats_file.c - the statistics record as bytes: decoded from and
 * encoded to the reference's layout field by field (offsets in stats.h),
 * so the file is the same whatever the compiler does with a struct. */
#include "stats/stats.h"
#include <string.h>

#define OFF_CONN 24
#define OFF_ARR 48

static int64_t get64(const unsigned char *p)
{
	int64_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

static void put64(unsigned char *p, int64_t v)
{
	memcpy(p, &v, sizeof v);
}

void stats_clear(stats_t *s, time_t now)
{
	memset(s, 0, sizeof *s);
	s->magic = STATS_MAGIC;
	s->version = STATS_VERSION;
	s->itime = (int64_t)now;
	s->size = STATS_SIZE;
}

int stats_decode(const unsigned char *img, size_t n, stats_t *s)
{
	int32_t w;
	int16_t h;

	memset(s, 0, sizeof *s);
	if (n == 0)
		return STATS_EMPTY;
	if (n < 4)
		return STATS_BADMAGIC;
	memcpy(&w, img, 4);
	s->magic = w;
	if (w != STATS_MAGIC)
		return STATS_BADMAGIC;
	if (n < 8)
		return STATS_BADSIZE;
	memcpy(&w, img + 4, 4);
	s->version = w;
	if (w != STATS_VERSION)
		return STATS_BADVERSION;
	if (n < STATS_SIZE)
		return STATS_BADSIZE;
	memcpy(&h, img + 16, 2);
	s->size = h;
	if (h != STATS_SIZE)
		return STATS_BADSIZE;
	s->itime = get64(img + 8);
	for (int i = 0; i < ST_NCONN; i++)
		s->conn[i] = get64(img + OFF_CONN + 8 * i);
	for (int a = 0; a < ST_NARR; a++)
		for (int m = 0; m < STATS_MAXMAILERS; m++)
			s->v[a][m] = get64(img + OFF_ARR + 8 * (a * STATS_MAXMAILERS + m));
	return STATS_OK;
}

void stats_encode(const stats_t *s, unsigned char img[STATS_SIZE])
{
	int32_t w;
	int16_t h = s->size;

	memset(img, 0, STATS_SIZE);
	w = s->magic;
	memcpy(img, &w, 4);
	w = s->version;
	memcpy(img + 4, &w, 4);
	put64(img + 8, s->itime);
	memcpy(img + 16, &h, 2);
	for (int i = 0; i < ST_NCONN; i++)
		put64(img + OFF_CONN + 8 * i, s->conn[i]);
	for (int a = 0; a < ST_NARR; a++)
		for (int m = 0; m < STATS_MAXMAILERS; m++)
			put64(img + OFF_ARR + 8 * (a * STATS_MAXMAILERS + m), s->v[a][m]);
}

int64_t stats_kbytes(long bytes)
{
	if (bytes <= 0)
		return 0;
	return ((int64_t)bytes + 999) / 1000;
}
