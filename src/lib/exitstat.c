/* exitstat.c - see exitstat.h. */
#include "lib/exitstat.h"

int sm_exitstat;

void sm_set_exitstat(int st)
{
	sm_exitstat = st;
}
