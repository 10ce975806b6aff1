/* deliver_now.c - a message just accepted over SMTP, delivered as
 * DeliveryMode says: -odi now, -odb in a child that lets go of the
 * connection, -odq/-odd by a later queue run.  Before delivering, the
 * aliases are expanded and the members of a list with an owner- alias
 * split into a clone sent by the owner ("clone: owner=..."), each clone
 * committed as its own queue entry (the df linked) and delivered after
 * the original, as the reference's background delivery does. */
#include "smtpd/smtpd_int.h"
#include "deliver/deliver.h"
#include "log/log.h"
#include "queue/queue.h"
#include "submit/owner_split.h"
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

void smtpd_deliver(session_t *s, envelope_t *e, int fd)
{
	int mode = (int)opt_num(&s->cf->opt, OPT_DeliveryMode);
	deliver_opts_t o;
	clones_t cl;

	if (fd < 0 || (mode != 'i' && mode != 'b')) {
		if (fd >= 0)
			close(fd);
		return;
	}
	fflush(NULL);
	if (mode == 'b' && fork() != 0) {
		close(fd);
		return;
	}
	if (mode == 'b' && s->is_socket)
		smtp_release_socket(s);
	memset(&cl, 0, sizeof cl);
	memset(&o, 0, sizeof o);
	o.out = stderr;
	o.noalias = s->o->noalias;
	if (!s->o->noalias)
		owner_split_commit(s->cf, e, &o, &cl);
	deliver_message(s->cf, e, fd, &o);
	o.from_flag = true;     /* a clone is sent by its owner */
	for (size_t i = 0; i < cl.n; i++)
		if (cl.lockfd[i] >= 0) {
			deliver_message(s->cf, &cl.v[i], cl.lockfd[i], &o);
			cl.lockfd[i] = -1;
		}
	clones_free(&cl);
	if (mode == 'b') {
		fflush(NULL);
		_exit(EX_OK);
	}
}
