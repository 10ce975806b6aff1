/* deliver_now.c - a message just accepted over SMTP, delivered as
 * DeliveryMode says: -odi now, -odb in a child that lets go of the
 * connection, -odq/-odd by a later queue run.  Before delivering, the
 * aliases are expanded and the members of a list with an owner- alias
 * split into a clone sent by the owner ("clone: owner=..."), each clone
 * committed as its own queue entry (the df linked) and delivered after
 * the original, as the reference's background delivery does.
 *
 * -odb on a connection: most clients send QUIT (or hang up) right after
 * the 250.  Such a client gets its 221 and its connection closed first,
 * then this process, which was about to end anyway, delivers: the same
 * order of events for the client and the log, one fork and one process
 * exit fewer per message.  Any other next command, or none within
 * NEXT_CMD_WAIT_MS, and the delivery goes to a child as before. */
#include "smtpd/smtpd_int.h"
#include "deliver/deliver.h"
#include "log/log.h"
#include "queue/queue.h"
#include "submit/owner_split.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sysexits.h>
#include <unistd.h>

#define NEXT_CMD_WAIT_MS 20

static void deliver_clones(session_t *s, clones_t *cl, deliver_opts_t *o)
{
	o->from_flag = true;    /* a clone is sent by its owner */
	for (size_t i = 0; i < cl->n; i++)
		if (cl->lockfd[i] >= 0) {
			deliver_message(s->cf, &cl->v[i], cl->lockfd[i], o);
			cl->lockfd[i] = -1;
		}
}

/* committed split off: the clones the commit made (interactive mode
 * expands before queueing); the rest are split here */
static void deliver_accepted(session_t *s, envelope_t *e, int fd, clones_t *committed)
{
	deliver_opts_t o;
	clones_t cl;

	memset(&cl, 0, sizeof cl);
	memset(&o, 0, sizeof o);
	o.out = stderr;
	o.noalias = s->o->noalias;
	if (fd >= 0 && !s->o->noalias)
		owner_split_commit(s->cf, e, &o, &cl);
	if (fd >= 0)
		deliver_message(s->cf, e, fd, &o);
	if (committed != NULL)
		deliver_clones(s, committed, &o);
	deliver_clones(s, &cl, &o);
	clones_free(&cl);
}

static bool is_quit(const char *l)
{
	l += strspn(l, " \t");
	return strncasecmp(l, "quit", 4) == 0 && (l[4] == '\0' || l[4] == ' ' || l[4] == '\t');
}

/* true when the session ends here (QUIT answered, or the client gone):
 * the connection is closed and the delivery is this process's to do */
static bool session_ends_now(session_t *s)
{
	switch (smtp_line_wait(s, NEXT_CMD_WAIT_MS)) {
	case LINE_NONE:
		return false;
	case LINE_EOF:
		break;
	case LINE_READY:
		if (!smtp_getline(s))
			break;          /* cut short: treated as the end */
		if (!is_quit(buf_str(&s->line))) {
			s->line_ready = true;
			return false;
		}
		session_quit(s);
		break;
	}
	fflush(s->out);
	shutdown(fileno(s->out), SHUT_WR);
	smtp_release_socket(s);
	return true;
}

void smtpd_deliver(session_t *s, envelope_t *e, int fd, clones_t *cl)
{
	int mode = (int)opt_num(&s->cf->opt, OPT_DeliveryMode);

	/* fd < 0: no qf for the original (every recipient went to an owner
	 * clone), but the clones are still to be delivered */
	if ((fd < 0 && (cl == NULL || cl->n == 0)) || (mode != 'i' && mode != 'b')) {
		if (fd >= 0)
			close(fd);
		return;
	}
	fflush(NULL);
	if (mode == 'b' && s->is_socket && session_ends_now(s)) {
		deliver_accepted(s, e, fd, cl);
		return;
	}
	if (mode == 'b' && fork() != 0) {
		close(fd);
		return;
	}
	if (mode == 'b' && s->is_socket)
		smtp_release_socket(s);
	deliver_accepted(s, e, fd, cl);
	if (mode == 'b') {
		fflush(NULL);
		_exit(EX_OK);
	}
}
