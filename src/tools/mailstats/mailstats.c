/* mailstats.c - display (and with -p clear) the statistics sendmail keeps
 * in StatusFile, as the reference's mailstats does:
 *
 *     mailstats [-C cffile] [-c] [-P] [-f stfile] [-o] [-p]
 *
 * The file comes from -f or the cf's StatusFile; mailer names from the
 * cf's M lines.  Exit codes: 64 usage, 66 a file that cannot be opened,
 * 72 no statistics file named, 70 more than 25 mailers in the cf, 71 a file that is not a statistics record
 * (another magic number, version or size).  An empty file shows zeros
 * counted from now; -p empties a valid file after printing it (silently
 * not when the file is read-only for the caller). */
#include "tools/mailstats/mailstats.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sysexits.h>
#include <unistd.h>

#define CF_MTA "/etc/mail/sendmail.cf"
#define CF_MSP "/etc/mail/submit.cf"

typedef struct ms_opts {
	const char *cf, *file;
	bool prog, clear, noname;
} ms_opts_t;

static void perr(const char *name)
{
	if (name[0] != '\0')
		fprintf(stderr, "mailstats: %s: %s\n", name, strerror(errno));
	else
		fprintf(stderr, "mailstats: %s\n", strerror(errno));
}

static int usage(void)
{
	fprintf(stderr, "usage: mailstats [-C cffile] [-c] [-P] [-f stfile] [-o] [-p]\n");
	return EX_USAGE;
}

static int parse_args(int argc, char **argv, ms_opts_t *o)
{
	int ch;

	memset(o, 0, sizeof *o);
	o->cf = CF_MTA;
	while ((ch = getopt(argc, argv, "cC:f:opP")) != -1) {
		switch (ch) {
		case 'c': o->cf = CF_MSP; break;
		case 'C': o->cf = optarg; break;
		case 'f': o->file = optarg; break;
		case 'o': o->noname = true; break;
		case 'p': o->prog = o->clear = true; break;
		case 'P': o->prog = true; break;
		default: return -1;
		}
	}
	return optind < argc ? -1 : 0;
}

/* the record; *bad set to the message's exit code on a foreign file */
static int load(int fd, const char *name, stats_t *s)
{
	unsigned char img[STATS_SIZE];
	size_t got = 0;
	ssize_t r;

	while (got < sizeof img && (r = read(fd, img + got, sizeof img - got)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			perr(name);
			return EX_IOERR;
		}
		got += (size_t)r;
	}
	switch (stats_decode(img, got, s)) {
	case STATS_EMPTY:
		stats_clear(s, time(NULL));
		return -1;
	case STATS_BADMAGIC:
		fprintf(stderr, "mailstats: incorrect magic number in %s\n", name);
		return EX_OSERR;
	case STATS_BADVERSION:
		fprintf(stderr, "mailstats version (%d) incompatible with %s version (%d)\n",
			STATS_VERSION, name, (int)s->version);
		return EX_OSERR;
	case STATS_BADSIZE:
		fprintf(stderr, "mailstats: file size changed.\n");
		return EX_OSERR;
	}
	return EX_OK;
}

static int show(const ms_opts_t *o, const char *name, ms_cf_t *c)
{
	stats_t s;
	int fd = -1, st;
	bool rw = false;

	if (o->clear && (fd = open(name, O_RDWR | O_CLOEXEC)) >= 0)
		rw = true;
	else if ((fd = open(name, O_RDONLY | O_CLOEXEC)) < 0) {
		perr(name);
		return EX_NOINPUT;
	}
	if (flock(fd, rw ? LOCK_EX : LOCK_SH) != 0) {
		perr(name);
		close(fd);
		return EX_IOERR;
	}
	st = load(fd, name, &s);
	if (st > 0) {
		close(fd);
		return st;
	}
	ms_print(&s, time(NULL), o->prog, o->noname ? NULL : c->mailer);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		close(fd);
		return EX_IOERR;
	}
	/* a valid record is emptied; an empty file stays as it is */
	if (rw && st == EX_OK && ftruncate(fd, 0) != 0)
		perr(name);
	close(fd);
	return EX_OK;
}

int main(int argc, char **argv)
{
	ms_opts_t o;
	ms_cf_t c;
	int st;

	if (parse_args(argc, argv, &o) != 0)
		return usage();
	memset(&c, 0, sizeof c);
	buf_init(&c.statfile, 4096);
	st = ms_read_cf(o.cf, &c);
	if (st != 0) {
		if (st == MS_TOO_MANY)
			fprintf(stderr, "Too many mailers defined, %d max.\n", STATS_MAXMAILERS);
		else
			perr(o.cf);
		ms_cf_free(&c);
		return st == MS_TOO_MANY ? EX_SOFTWARE : EX_NOINPUT;
	}
	if (o.file == NULL && !c.have_statfile) {
		fprintf(stderr, "mailstats: no statistics file located\n");
		ms_cf_free(&c);
		return EX_OSFILE;
	}
	st = show(&o, o.file != NULL ? o.file : buf_str(&c.statfile), &c);
	ms_cf_free(&c);
	return st;
}
