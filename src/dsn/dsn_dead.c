/* dsn_dead.c - ErrorMode=print: the failure report of a submission made
 * at a terminal is the message itself, saved for its local sender in
 * ~/dead.letter ("/root/dead.letter... Saved message in /root/dead.letter"
 * on the terminal) when that sender is the user who submitted it; another
 * sender (-f), one that is not a local user with a home, or a file that
 * cannot be written gets the report by mail instead. */
#include "dsn/dsn.h"
#include "lib/pwcache.h"
#include "addr/parseaddr.h"
#include "aliases/aliases.h"
#include "lib/addrtext.h"
#include "lib/str.h"
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

/* -v: the reference shows the sender's alias as it resolves the sender */
static void show_alias(const deliver_opts_t *o, FILE *out, const char *user)
{
	buf_t key = BUF_INIT(1024), val = BUF_INIT(0);
	int st = 0;

	buf_set(&key, user);
	sm_lower(key.p ? key.p : (char *)"");
	if (o->verbose && !key.overflow && alias_lookup(buf_str(&key), &val, &st) > 0)
		fprintf(out, "%s... aliased to %s\n", user, buf_str(&val));
	buf_free(&key);
	buf_free(&val);
}

/* the local login of e's sender, NULL when the sender is not local */
static struct passwd *local_sender(cf_t *cf, const envelope_t *e, addr_t *a)
{
	buf_t bare = BUF_INIT(4096);
	struct passwd *pw = NULL;

	strip_angles(e->sender != NULL ? e->sender : "", &bare);
	if (bare.len > 0 && parseaddr(cf, NULL, buf_str(&bare), RF_SENDERADDR, a) == 0 &&
	    a->mailer != NULL && strcmp(a->mailer->name, "local") == 0 && a->user != NULL)
		pw = pwc_getpwnam(a->user);
	buf_free(&bare);
	return pw;
}

void dsn_quiet(cf_t *cf, envelope_t *e, const deliver_opts_t *o)
{
	addr_t a;

	memset(&a, 0, sizeof a);
	if (o->verbose && local_sender(cf, e, &a) != NULL)
		show_alias(o, o->out != NULL ? o->out : stdout, a.user);
	addr_free(&a);
}

int dsn_dead_letter(cf_t *cf, envelope_t *e, const deliver_opts_t *o)
{
	FILE *out = o->out != NULL ? o->out : stdout;
	buf_t path = BUF_INIT(4096);
	struct passwd *pw;
	addr_t a;
	int rc = -1;

	memset(&a, 0, sizeof a);
	pw = local_sender(cf, e, &a);
	/* only the submitter's own messages: -f another user mails */
	if (pw != NULL && pw->pw_uid == getuid() && pw->pw_dir != NULL && pw->pw_dir[0] == '/') {
		show_alias(o, out, a.user);
		buf_printf(&path, "%s/dead.letter", strcmp(pw->pw_dir, "/") == 0 ? "" : pw->pw_dir);
		if (!path.overflow &&
		    deliver_to_file(cf, e, buf_str(&path), pw->pw_uid, pw->pw_gid) == EX_OK) {
			fprintf(out, "%s... Saved message in %s\n", buf_str(&path), buf_str(&path));
			fflush(out);
			rc = 0;
		}
	}
	addr_free(&a);
	buf_free(&path);
	return rc;
}
