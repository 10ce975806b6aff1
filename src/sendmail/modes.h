/* modes.h - the operation modes other than -bt/-bv/-bi, one file each. */
#ifndef SM_MODES_H
#define SM_MODES_H
#include "sendmail/init.h"

/* -bm: queue the message on standard input (and deliver it) */
int sm_mode_submit(cf_t *cf, const sm_args_t *a);

/* -q: one queue run (mode_qrun.c) */
int sm_mode_qrun(cf_t *cf, sm_args_t *a);

/* -bs: an SMTP session on standard input/output (mode_smtp.c) */
int sm_mode_smtp(cf_t *cf, const sm_args_t *a);

#endif
