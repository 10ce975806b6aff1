/* crashpoint.c - the SENDMAIL_CRASHPOINT test hook (see crashpoint.h). */
#include "lib/crashpoint.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>

enum { CP_UNREAD, CP_INERT, CP_ARMED };

static int state = CP_UNREAD;
static char want[64];
static unsigned long nth = 1, hits;

/* "name" or "name:n" with n >= 1; anything else leaves the hook inert */
static void arm(void)
{
	const char *v = getenv("SENDMAIL_CRASHPOINT");
	const char *colon;
	size_t len;

	state = CP_INERT;
	if (v == NULL || *v == '\0')
		return;
	colon = strchr(v, ':');
	len = colon != NULL ? (size_t)(colon - v) : strlen(v);
	if (len == 0 || len >= sizeof want)
		return;
	if (colon != NULL) {
		char *end;
		nth = strtoul(colon + 1, &end, 10);
		if (end == colon + 1 || *end != '\0' || nth == 0)
			return;
	}
	memcpy(want, v, len);
	want[len] = '\0';
	state = CP_ARMED;
}

void crashpoint(const char *name)
{
	if (state == CP_INERT)
		return;
	if (state == CP_UNREAD) {
		arm();
		if (state != CP_ARMED)
			return;
	}
	if (strcmp(name, want) != 0 || ++hits < nth)
		return;
	raise(SIGKILL);
}
