/* fuzz_smtpd.c - libFuzzer target for the SMTP server's state machine:
 * each input is what a client sends in one session (commands, message
 * text, parameters, binary junk), fed to smtpd_session with the replies
 * going to /dev/null.  The cf is test/fuzz/fuzz.cf (no host map: nothing
 * reaches DNS) with DeliveryMode=queue, a scratch queue directory that
 * is emptied after every input, and logging off.  The first byte picks
 * how the client talks: odd, one line per read (a client that waits for
 * each reply, so DATA and the message text are reached); even, all at
 * once (a pipelining client: the traffic-before-reply checks). */
#include "conf/cf.h"
#include "log/log.h"
#include "maps/map.h"
#include "smtpd/smtpd.h"
#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <unistd.h>

#define FUZZ_MAX_INPUT 65536

static cf_t the_cf;
static FILE *null_out;
static char qdir[] = "/tmp/fuzz_smtpd.XXXXXX";

/* the program's date formatter lives in src/sendmail; any date does here */
void sm_arpadate(time_t t, char *buf, size_t sz);
void sm_arpadate(time_t t, char *buf, size_t sz)
{
	snprintf(buf, sz, "@%lld", (long long)t);
}

static void opt_err(const char *msg, void *arg)
{
	(void)msg;
	(void)arg;
}

static void load_cf(void)
{
	char path[PATH_MAX];
	char *slash;

	snprintf(path, sizeof path, "%s", getenv("FUZZ_CF") ? getenv("FUZZ_CF") : __FILE__);
	if (getenv("FUZZ_CF") == NULL) {
		slash = strrchr(path, '/');
		snprintf(slash ? slash + 1 : path,
			 sizeof path - (size_t)(slash ? slash + 1 - path : 0), "fuzz.cf");
	}
	if (cf_read(&the_cf, path, false) != 0 || the_cf.errors != 0) {
		fprintf(stderr, "fuzz_smtpd: %s did not load\n", path);
		abort();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	null_out = fopen("/dev/null", "w");
	if (null_out == NULL || mkdtemp(qdir) == NULL)
		abort();
	cf_init(&the_cf);
	map_register_builtin_classes();
	cf_setup_default_mailers(&the_cf);
	load_cf();
	opt_set_line(&the_cf.opt, " DeliveryMode=queue", opt_err, NULL);
	opt_set_line(&the_cf.opt, " MaxMessageSize=20000", opt_err, NULL);
	opt_set_line(&the_cf.opt, " MaxRecipientsPerMessage=20", opt_err, NULL);
	opt_set_line(&the_cf.opt, " HelpFile=/dev/null", opt_err, NULL);
	log_setup("fuzz_smtpd", 0, "stderr");
	return 0;
}

static void empty_queue(void)
{
	DIR *d = opendir(qdir);
	struct dirent *de;
	char p[PATH_MAX];

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.') {
			snprintf(p, sizeof p, "%s/%s", qdir, de->d_name);
			unlink(p);
		}
	closedir(d);
}

/* a client that sends one line, then waits: each read ends at a newline */
typedef struct { const uint8_t *p; size_t n; } lines_t;

static ssize_t line_read(void *cookie, char *buf, size_t size)
{
	lines_t *l = cookie;
	size_t k = 0;

	while (k < size && k < l->n) {
		buf[k] = (char)l->p[k];
		if (l->p[k++] == '\n')
			break;
	}
	l->p += k;
	l->n -= k;
	return (ssize_t)k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	smtpd_opts_t o = { .qdir = qdir, .realuser = "fuzz" };
	FILE *in;

	lines_t lines = { data + 1, size - 1 };
	cookie_io_functions_t io = { .read = line_read };

	if (size < 2 || size > FUZZ_MAX_INPUT)
		return 0;
	in = data[0] & 1 ? fopencookie(&lines, "r", io) : fmemopen((void *)(data + 1), size - 1, "r");
	if (in == NULL)
		return 0;
	smtpd_session(&the_cf, &o, in, null_out);
	fclose(in);
	empty_queue();
	return 0;
}
