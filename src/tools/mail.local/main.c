/* main.c - mail.local: store mail in local users' mailboxes.
 *
 *     mail.local [-7] [-b] [-d] [-D mbdb] [-l] [-f from|-r from]
 *                [-h filename] user ...
 *
 * Without -l the message is read from standard input to end of file and
 * appended to each user's mailbox (one copy each); the exit status is
 * that of the last failure (EX_TEMPFAIL or EX_UNAVAILABLE) or 0.  With -l
 * mail.local speaks LMTP on standard input and output (lmtp.c).  Logs go
 * to syslog, facility mail, ident "mail.local". */
#include "mail_local.h"
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <sysexits.h>
#include <unistd.h>

struct ml_opts ml_opts;

void ml_read_stdin(struct ml_msg *m);

static void usage(void)
{
	mailerr("550 5.0.0", "usage: mail.local [-7] [-b] [-d] [-l] "
		"[-f from|-r from] [-h filename] user ...");
	exit(ml_exitval);
}

/* the options; returns the sender named by -f/-r or NULL */
static const char *options(int argc, char **argv)
{
	const char *from = NULL;
	int ch;

	while ((ch = getopt(argc, argv, "7bdD:f:h:r:l")) != -1) {
		switch (ch) {
		case '7': ml_opts.no8bit = true; break;
		case 'b': ml_opts.quota_perm = true; break;
		case 'd': break;
		case 'D':
			if (strcmp(optarg, "pw") != 0) {
				mailerr("550 5.0.0", "unknown mailbox database %s", optarg);
				exit(ml_exitval);
			}
			break;
		case 'f':
		case 'r':
			if (from != NULL) {
				mailerr("550 5.0.0", "Multiple -f options");
				usage();
			}
			from = optarg;
			break;
		case 'h': ml_opts.home_file = optarg; break;
		case 'l': ml_opts.lmtp = true; break;
		default: usage();
		}
	}
	return from;
}

static const char *default_sender(void)
{
	struct passwd *pw = getpwuid(getuid());

	return pw != NULL ? pw->pw_name : "???";
}

int main(int argc, char **argv)
{
	const char *from;
	struct ml_msg m;

	openlog("mail.local", 0, LOG_MAIL);
	umask(077);
	from = options(argc, argv);
	if (ml_opts.lmtp) {
		if (optind < argc) {
			mailerr("421", "Users should not be specified in command line if LMTP required");
			exit(ml_exitval);
		}
		lmtp_serve();
	}
	if (optind >= argc)
		usage();
	if (from == NULL)
		from = default_sender();
	msg_begin(&m, from);
	ml_read_stdin(&m);
	for (int i = optind; i < argc; i++)
		deliver(&m, argv[i]);
	msg_free(&m);
	return ml_exitval;
}
