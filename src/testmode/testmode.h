/* testmode.h - address test mode (-bt). */
#ifndef SM_TESTMODE_H
#define SM_TESTMODE_H
#include <stdio.h>
#include "conf/cf.h"

/* run the -bt command loop on in/out; returns the exit status */
int testmode_run(cf_t *cf, FILE *in, FILE *out);

#endif
