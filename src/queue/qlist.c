/* qlist.c - mailq / sendmail -bp: the queue listing in the reference's
 * layout (columns, truncation widths, -v priority and controlling users,
 * per-recipient status, "*" for locked entries, one block per directory). */
#include "queue/queue.h"
#include "lib/pwcache.h"
#include "log/log.h"
#include <limits.h>
#include <pwd.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

/* field widths: plain listing / -v */
#define W_SENDER(v) ((v) ? 78 : 39)
#define W_RCPT(v)   ((v) ? 71 : 38)
#define W_MSG(v)    ((v) ? 100 : 60)

static const char HEAD_PLAIN[] =
	"-----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------\n";
static const char HEAD_VERBOSE[] =
	"-----Q-ID----- --Size-- -Priority- ---Q-Time--- --------Sender/Recipient--------\n";

long queue_busy_prio = LONG_MAX;

static char mark(const qentry_t *q)
{
	if (q->locked)
		return '*';
	return q->env.prio > queue_busy_prio ? 'X' : ' ';
}

static void print_first_line(const qentry_t *q, bool verbose, FILE *out)
{
	const envelope_t *e = &q->env;
	char when[32];
	struct tm tm;
	time_t t = e->ctime;

	/* ctime's layout: "Sat Nov  1 23:43" */
	if (localtime_r(&t, &tm) == NULL || strftime(when, sizeof when, "%a %b %e %H:%M", &tm) != 16)
		memset(when, ' ', 17), when[16] = '\0';
	fprintf(out, "%s%c%8ld ", q->qid, mark(q), e->msgsize);
	if (verbose)
		fprintf(out, "%10ld %.12s ", e->prio, when + 4);
	else
		fprintf(out, "%.16s ", when);
	fprintf(out, "%.*s\n", W_SENDER(verbose), e->sender != NULL ? e->sender : "");
}

static void print_status_lines(const envelope_t *e, bool verbose, FILE *out)
{
	if (e->quarantine != NULL)
		fprintf(out, "     QUARANTINE: %.*s\n", W_MSG(verbose), e->quarantine);
	if (e->bodytype == NULL && e->msg == NULL)
		return;
	fprintf(out, "%14s", e->bodytype != NULL ? e->bodytype : "");
	if (e->msg != NULL)
		fprintf(out, "   (%.*s)", W_MSG(verbose), e->msg);
	fputc('\n', out);
}

static bool ctl_changed(const char *prev, const char *cur)
{
	if (cur == NULL || prev == NULL)
		return cur != prev;
	return strcmp(prev, cur) != 0;
}

static void print_rcpts(const envelope_t *e, bool verbose, FILE *out)
{
	const char *ctl = NULL;

	for (const rcpt_t *r = e->rcpts; r != NULL; r = r->next) {
		if (verbose && ctl_changed(ctl, r->ctl) && r->ctl != NULL)
			fprintf(out, "\t\t\t\t\t\t(---%s---)\n", r->ctl);
		ctl = r->ctl;
		fprintf(out, verbose ? "\t\t\t\t\t\t%.*s\n" : "\t\t\t\t\t %.*s\n",
			W_RCPT(verbose), r->addr);
		if (verbose && r->rmsg != NULL)
			fprintf(out, "\t\t (%.*s)\n", W_MSG(verbose), r->rmsg);
	}
}

static void print_entry(const qentry_t *q, bool verbose, FILE *out)
{
	if (q->no_qf) {
		fprintf(out, "%s%s (no control file)\n", q->qid, q->locked ? "*" : "");
		return;
	}
	print_first_line(q, verbose, out);
	print_status_lines(&q->env, verbose, out);
	print_rcpts(&q->env, verbose, out);
}

/* the name a directory block shows: the reference names a queue with
 * df/ (and qf/) subdirectories by its df/ directory */
static void block_name(const char *qdir, buf_t *name)
{
	qf_path(name, qdir, 'd', "");
	buf_truncate(name, (size_t)(strrchr(buf_str(name), '/') - name->p));
}

/* one directory's block; returns its entry count or -1 */
static long print_dir(const char *qdir, const qselect_t *sel, const char *sortorder,
		      bool verbose, FILE *out)
{
	buf_t name = BUF_INIT(4096);
	size_t n;
	qentry_t *v = queue_scan(qdir, sel, sortorder, &n);

	if (v == NULL) {
		int err = errno;
		struct passwd *pw = pwc_getpwuid(getuid());
		fprintf(out, "can not chdir(%s/): %s\n", qdir, strerror(err));
		sm_log_id(LL_SERIOUS, LOG_CRIT, "", "SYSERR(%s): can not chdir(%s/): %s",
			  pw != NULL ? pw->pw_name : "?", qdir, strerror(err));
		return -1;
	}
	block_name(qdir, &name);
	if (n == 0)
		fprintf(out, "%s is empty\n", buf_str(&name));
	else
		fprintf(out, "\t\t%s (%zu request%s)\n%s", buf_str(&name), n, n == 1 ? "" : "s",
			verbose ? HEAD_VERBOSE : HEAD_PLAIN);
	for (size_t i = 0; i < n; i++)
		print_entry(&v[i], verbose, out);
	qentries_free(v, n);
	buf_free(&name);
	return (long)n;
}

int queue_print_dirs(char **dirs, size_t ndirs, const qselect_t *sel,
		     const char *sortorder, bool verbose, FILE *out)
{
	long total = 0;

	for (size_t i = 0; i < ndirs; i++) {
		long n = print_dir(dirs[i], sel, sortorder, verbose, out);
		if (n < 0) {
			fflush(out);
			if (getuid() != 0)
				fprintf(stderr, "Program mode requires special privileges, e.g., root or TrustedUser.\n");
			return EX_CONFIG;
		}
		total += n;
	}
	fprintf(out, "\t\tTotal requests: %ld\n", total);
	return EX_OK;
}

int queue_print(const char *qdir, const qselect_t *sel, bool verbose, FILE *out)
{
	char *dirs[1] = { (char *)qdir };
	return queue_print_dirs(dirs, 1, sel, NULL, verbose, out);
}
