/* qargs.c - the queue listing modes: -bp (mailq) and -bP (the -q
 * selections are parsed by args.c into a qselect_t). */
#include "sendmail/init.h"
#include "conf/options.h"
#include "queue/queue.h"
#include "daemon/loadavg.h"
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define DEFAULT_QUEUE_DIR "/var/spool/mqueue"

/* QueueDirectory (with a '*' wildcard) and QueueSortOrder of the cf */
static int list_queue(cf_t *cf, const sm_args_t *a)
{
	const char *spec = opt_str(&cf->opt, OPT_QueueDirectory);
	char order[2] = { (char)opt_num(&cf->opt, OPT_QueueSortOrder), '\0' };
	size_t n;
	char **dirs = queue_dirs(spec != NULL ? spec : DEFAULT_QUEUE_DIR, &n);
	int rc;

	if (strchr("pht", order[0]) != NULL)
		queue_busy_prio = la_queue_limit(cf, la_current());
	rc = queue_print_dirs(dirs, n, &a->qsel, order, a->verbose, stdout);

	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	return rc;
}

int sm_queue_mode(cf_t *cf, sm_args_t *a)
{
	int rc;

	if (a->mode == 'P') {
		/* queue statistics live in shared memory, which this build
		 * (like the reference without SharedMemoryKey) does not keep */
		printf("Data unavailable: shared memory not updated\n");
		rc = EX_OK;
	} else {
		rc = list_queue(cf, a);
	}
	qselect_free(&a->qsel);
	return rc;
}
