/* deadletter.c - saving a whole message in a file for its sender (the
 * dead.letter of ErrorMode=print): the *file* mailer's delivery (From
 * line, header and body as that mailer gets them, the file's safety
 * checks) to one path with the sender's ids, outside any recipient. */
#include "deliver/deliver_int.h"
#include "lib/xalloc.h"
#include <string.h>
#include <stdlib.h>
#include <sysexits.h>
#include <unistd.h>

int deliver_to_file(cf_t *cf, envelope_t *e, const char *path, uid_t uid, gid_t gid)
{
	deliver_opts_t o;
	dctx_t d;
	drcpt_t to;
	rcpt_t r;
	int st;

	memset(&o, 0, sizeof o);
	memset(&to, 0, sizeof to);
	memset(&r, 0, sizeof r);
	to.a.mailer = cf_mailer(cf, "*file*");
	if (to.a.mailer == NULL)
		return EX_CONFIG;
	to.a.user = xstrdup(path);
	to.r = &r;
	to.resolved = true;
	dctx_init(&d, cf, e, &o);
	file_write_as(&d, &to, uid, gid, geteuid() == 0);
	st = to.att.exitstat;
	dctx_free(&d);
	attempt_free(&to.att);
	free(to.a.user);
	return st;
}
