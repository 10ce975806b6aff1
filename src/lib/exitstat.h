/* exitstat.h - the process exit status accumulated while working.
 * Like the reference, a system error (configuration or rule errors)
 * makes the status EX_SOFTWARE; later errors may overwrite it. */
#ifndef SM_EXITSTAT_H
#define SM_EXITSTAT_H

extern int sm_exitstat;
void sm_set_exitstat(int st);

#endif
