/* modes.h - the operation modes other than -bt/-bv/-bi, one file each. */
#ifndef SM_MODES_H
#define SM_MODES_H
#include "sendmail/init.h"
#include <sys/types.h>

/* -bm: queue the message on standard input (and deliver it) */
int sm_mode_submit(cf_t *cf, const sm_args_t *a);

/* -q: one queue run (mode_qrun.c) */
int sm_mode_qrun(cf_t *cf, sm_args_t *a);

/* -bd / -bD: the SMTP daemon (mode_daemon.c) */
int sm_mode_daemon(cf_t *cf, sm_args_t *a);

/* shared by the daemons (mode_qrun.c): an interval as "00:30:00", one
 * queue run in this process (the daemon's child), and the SIGHUP restart
 * (re-executes the command line; returns only on error) */
void sm_hms(long secs, char out[32]);
int sm_qrun_here(cf_t *cf, const sm_args_t *a);
void sm_reexec(void);

/* -bs: an SMTP session on standard input/output (mode_smtp.c) */
/* RunAsUser for a process started by root (runas.c): 0, or -1 when the
 * switch failed (logged) */
int sm_run_as(cf_t *cf, const sm_args_t *a);
/* the switch itself, whatever the mode (a daemon's connection child) */
int sm_become_runas(cf_t *cf);
/* the real user id the process was started with (before RunAsUser) */
uid_t sm_real_uid(void);
int sm_mode_smtp(cf_t *cf, const sm_args_t *a);

#endif
