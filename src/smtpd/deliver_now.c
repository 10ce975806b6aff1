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

/* a local recipient among e's (one the expansion looked up as a user or
 * an alias) */
static bool has_local(cf_t *cf, const envelope_t *e)
{
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next) {
		const mailer_t *m = r->mailer ? cf_mailer(cf, r->mailer) : NULL;
		if (m != NULL && m->flags['A'])
			return true;
	}
	return false;
}

/* -odb: the reference delivers a message received over SMTP the way a
 * queue run does, priority P + RetryFactor while the aliases are expanded
 * (an expansion failure's to= line shows it).  Once expanded, when no
 * recipient was local it is the priority as accepted again; else it is
 * recomputed from the size counted as a queue run counts it (the df's
 * size plus the header lines) and the recipients the expansion left
 * (failed ones too, not duplicates).  That priority is the deliveries'
 * pri=, the qf's P line and the clones', and reports count that size.
 * Found by running the reference (l1-daemon-oracle.t, smtp-priority.t). */
static void expand_background(session_t *s, envelope_t *e, deliver_opts_t *o)
{
	cf_t *cf = s->cf;
	long n = 0, counted, p0 = e->prio;

	e->prio += opt_num(&cf->opt, OPT_RetryFactor);
	deliver_expand(cf, e, o);
	if (!has_local(cf, e)) {
		e->prio = p0;   /* nothing expanded: the priority as accepted */
		return;
	}
	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next)
		n += r->state != RS_EXPANDED && r->state != RS_DUPLICATE;
	/* msgsize counts the header as received: the df's size instead */
	counted = queue_report_base(e) - e->msgsize + e->bodysize;
	e->prio = counted + opt_num(&cf->opt, OPT_RecipientFactor) * n -
		  opt_num(&cf->opt, OPT_ClassFactor) * e->msgclass;
	o->counted_size = counted;
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
	if (fd >= 0 && !s->o->noalias) {
		if (opt_num(&s->cf->opt, OPT_DeliveryMode) == 'b')
			expand_background(s, e, &o);
		else
			deliver_expand(s->cf, e, &o);
		owner_split_commit(s->cf, e, &cl);
	}
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
