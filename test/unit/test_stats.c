/* test_stats.c - the statistics record (src/stats): its byte layout
 * (the reference's offsets), decoding a foreign or short record, the
 * kbytes rounding, and counters flushed into a file, added to what is
 * there and not into a file that does not exist. */
#include "tap.h"
#include "stats/stats.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int64_t at(const unsigned char *img, size_t off)
{
	int64_t v;
	memcpy(&v, img + off, sizeof v);
	return v;
}

static void layout(void)
{
	unsigned char img[STATS_SIZE];
	stats_t s, t;
	int32_t w;
	int16_t h;

	stats_clear(&s, 1000000000);
	s.conn[ST_CONN_FROM] = 11;
	s.conn[ST_CONN_REJ] = 13;
	s.v[ST_NF][9] = 3;
	s.v[ST_BF][9] = 4;
	s.v[ST_NT][9] = 2;
	s.v[ST_BT][9] = 3;
	s.v[ST_NQ][24] = 7;
	stats_encode(&s, img);
	memcpy(&w, img, 4);
	is_int(w, 0x1B1DE, "magic at 0");
	memcpy(&w, img + 4, 4);
	is_int(w, 4, "version at 4");
	is_int(at(img, 8), 1000000000, "start time at 8");
	memcpy(&h, img + 16, 2);
	is_int(h, 1448, "size at 16");
	is_int(at(img, 24), 11, "connections from at 24");
	is_int(at(img, 40), 13, "connections rejected at 40");
	is_int(at(img, 48 + 8 * 9), 3, "messages from mailer 9 at 120");
	is_int(at(img, 248 + 8 * 9), 4, "kbytes from mailer 9 at 320");
	is_int(at(img, 448 + 8 * 9), 2, "messages to mailer 9 at 520");
	is_int(at(img, 648 + 8 * 9), 3, "kbytes to mailer 9 at 720");
	is_int(at(img, 1248 + 8 * 24), 7, "quarantined by mailer 24 at 1440");
	is_int(stats_decode(img, sizeof img, &t), STATS_OK, "decodes");
	ok(memcmp(&s, &t, sizeof s) == 0, "round trip");
}

static void foreign(void)
{
	unsigned char img[STATS_SIZE];
	stats_t s;
	int32_t w;

	stats_clear(&s, 1);
	stats_encode(&s, img);
	is_int(stats_decode(img, 0, &s), STATS_EMPTY, "empty");
	is_int(stats_decode(img, 100, &s), STATS_BADSIZE, "short");
	w = 3;
	memcpy(img + 4, &w, 4);
	is_int(stats_decode(img, sizeof img, &s), STATS_BADVERSION, "version 3");
	is_int(s.version, 3, "the version read is reported");
	memset(img, 0, sizeof img);
	is_int(stats_decode(img, sizeof img, &s), STATS_BADMAGIC, "zeros");
	is_int(stats_decode((const unsigned char *)"jun", 3, &s), STATS_BADMAGIC, "three bytes");
}

static void kbytes(void)
{
	is_int(stats_kbytes(0), 0, "0 bytes");
	is_int(stats_kbytes(1), 1, "1 byte: 1K");
	is_int(stats_kbytes(1000), 1, "1000 bytes: 1K");
	is_int(stats_kbytes(1001), 2, "1001 bytes: 2K");
	is_int(stats_kbytes(2048), 3, "2048 bytes: 3K");
}

static void flush(void)
{
	char path[] = "/tmp/test_stats.XXXXXX";
	unsigned char img[STATS_SIZE];
	int fd = mkstemp(path);
	stats_t s;
	ssize_t n;

	if (fd < 0)
		bail_out("mkstemp");
	stats_from(9, 1500);
	stats_to(9, 1500);
	stats_to(30, 1);              /* no such mailer: not counted */
	ok(stats_pending(), "counters pending");
	stats_flush(path, NULL);
	ok(!stats_pending(), "flushed");
	stats_from(9, 10);
	stats_conn(ST_CONN_REJ);
	stats_flush(path, NULL);
	n = pread(fd, img, sizeof img, 0);
	is_int(n, STATS_SIZE, "the record written");
	is_int(stats_decode(img, (size_t)n, &s), STATS_OK, "a valid record");
	is_int(s.v[ST_NF][9], 2, "two messages from local");
	is_int(s.v[ST_BF][9], 3, "2K + 1K");
	is_int(s.v[ST_NT][9], 1, "one to local");
	is_int(s.conn[ST_CONN_REJ], 1, "one rejected");
	close(fd);
	unlink(path);
	stats_from(9, 1);
	stats_flush(path, NULL);
	ok(access(path, F_OK) != 0, "a missing file is not created");
}

int main(void)
{
	layout();
	foreign();
	kbytes();
	flush();
	return done_testing();
}
