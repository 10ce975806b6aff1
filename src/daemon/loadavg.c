/* loadavg.c - the load average, rounded as the reference rounds it, and
 * the QueueLA / RefuseLA decisions made from it (see loadavg.h). */
#include "daemon/loadavg.h"
#include "conf/cf.h"
#include "conf/options.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* the first field of /proc/loadavg, as the reference reads it (glibc's
 * getloadavg asks sysinfo(2) instead), else getloadavg(3) */
static int read_proc(double *avg)
{
	char b[128];
	ssize_t n;
	int fd = open("/proc/loadavg", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	n = read(fd, b, sizeof b - 1);
	close(fd);
	if (n <= 0)
		return -1;
	b[n] = '\0';
	return sscanf(b, "%lf", avg) == 1 ? 0 : -1;
}

/* The kernel recomputes the load average every 5 seconds; a value read
 * less than a second ago is as good as a new one.  The daemon asks on
 * every wake-up of its accept loop and its children (which inherit the
 * cache) before each queueing decision: one read of /proc/loadavg per
 * second instead of a few per connection. */
#define LA_CACHE_NS 1000000000LL

static int read_cached(double *avg)
{
	static double last;
	static long long at;    /* CLOCK_MONOTONIC ns of `last`; 0: none */
	struct timespec ts;
	long long now;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return read_proc(avg);
	now = (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
	if (at != 0 && now - at < LA_CACHE_NS) {
		*avg = last;
		return 0;
	}
	if (read_proc(avg) != 0)
		return -1;
	last = *avg, at = now;
	return 0;
}

int la_current(void)
{
	double avg[1];

	if (read_cached(avg) != 0 && getloadavg(avg, 1) != 1)
		return -1;
	if (avg[0] < 0)
		return -1;
	if (avg[0] > INT_MAX / 2)
		return INT_MAX / 2;
	return (int)(avg[0] + 0.5);
}

long la_queue_limit(struct cf *cf, int la)
{
	long qla = opt_num(&cf->opt, OPT_QueueLA);
	long factor = opt_num(&cf->opt, OPT_QueueFactor);

	if (la < 0 || la < qla)
		return LONG_MAX;
	return factor / ((long)la - qla + 1);
}

bool la_shouldqueue(struct cf *cf, long pri)
{
	return pri > la_queue_limit(cf, la_current());
}

bool la_refuse(struct cf *cf, int *la)
{
	int now = la_current();

	if (la != NULL)
		*la = now;
	return now >= 0 && now >= opt_num(&cf->opt, OPT_RefuseLA);
}
