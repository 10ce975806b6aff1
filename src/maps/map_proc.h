/* map_proc.h - run a child program for a map and collect its answer. */
#ifndef SM_MAP_PROC_H
#define SM_MAP_PROC_H
#include <stdbool.h>
#include <sys/types.h>
#include "lib/buf.h"

typedef struct proc_spec {
	char **argv;          /* argv[0] is the path */
	size_t maxout;        /* bytes of output read (one read) */
	int timeout;          /* seconds for the answer and the exit */
	uid_t uid;            /* run as, when we are root */
	gid_t gid;
} proc_spec_t;

typedef struct proc_result {
	buf_t out;            /* what the one read returned */
	int status;           /* exit status */
	int signal;           /* killing signal, 0 if it exited */
	bool timedout;        /* killed by us after the timeout */
	bool failed;          /* pipe/fork failed; err says why */
	int err;
} proc_result_t;

/* run, read, reap: never returns with the child still running */
void proc_run(const proc_spec_t *ps, proc_result_t *r);

#endif
