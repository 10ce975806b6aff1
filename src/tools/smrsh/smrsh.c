/* smrsh.c - the restricted shell for sendmail's prog mailer: entry point,
 * argument check and the diagnostics (standard error and syslog, facility
 * mail, ident "smrsh").  The command is checked and rewritten by
 * rewrite.c and then run by /bin/sh with nothing but PATH in the
 * environment.
 *
 *     smrsh -c command */
#include "smrsh.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <sysexits.h>
#include <unistd.h>

static const char *prog = "smrsh";

static void usage(void)
{
	fprintf(stderr, "Usage: %s -c command\n", prog);
	syslog(LOG_ERR, "usage");
	exit(EX_USAGE);
}

void smrsh_toolong(const char *cmd)
{
	fprintf(stderr, "%s: command too long: %s\n", prog, cmd);
	syslog(LOG_WARNING, "command too long: %.40s", cmd);
	exit(EX_UNAVAILABLE);
}

void smrsh_badchar(int c, const char *cmd)
{
	fprintf(stderr, "%s: cannot use %c in command\n", prog, c);
	syslog(LOG_CRIT, "uid %d: attempt to use %c in command: %s",
	       (int)getuid(), c, cmd);
	exit(EX_UNAVAILABLE);
}

/* WORD (WLEN bytes) is what is shown on standard error, REST (the word
 * and everything after it) what is logged; WHY is "" or " (reason)" */
void smrsh_notavail(const char *word, size_t wlen, const char *rest,
		    const char *why)
{
	fprintf(stderr, "%s: \"%.*s\" not available for sendmail programs%s\n",
		prog, (int)wlen, word, why);
	syslog(LOG_CRIT, "uid %d: attempt to use \"%s\"%s", (int)getuid(),
	       rest, why);
	exit(EX_UNAVAILABLE);
}

void smrsh_noexec(void)
{
	fprintf(stderr, "%s: missing command to exec\n", prog);
	syslog(LOG_CRIT, "uid %d: missing command to exec", (int)getuid());
	exit(EX_UNAVAILABLE);
}

static int blank(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

int main(int argc, char **argv)
{
	static char path_env[] = "PATH=" SMRSH_PATH;
	char *envp[] = { path_env, NULL };
	buf_t cmd = BUF_INIT(0);

	if (argc > 0 && argv[0] != NULL)
		prog = argv[0];
	openlog("smrsh", 0, LOG_MAIL);
	if (argc != 3 || strcmp(argv[1], "-c") != 0)
		usage();
	if (strlen(argv[2]) + strlen(SMRSH_CMDDIR) + 1 >= SMRSH_CMDMAX)
		smrsh_toolong(argv[2]);
	if (blank(argv[2]))
		usage();
	smrsh_rewrite(argv[2], &cmd);
	execle(SMRSH_SHELL, SMRSH_SHELL, "-c", buf_str(&cmd), (char *)NULL, envp);
	fprintf(stderr, "%s: cannot execute %s: %m\n", prog, SMRSH_SHELL);
	syslog(LOG_CRIT, "cannot execute %s: %m", SMRSH_SHELL);
	exit(EX_OSERR);
}
