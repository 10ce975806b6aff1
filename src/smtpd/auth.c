/* auth.c - SMTP AUTH as far as it goes now: the mechanisms offered are
 * those of AuthMechanisms that the host's Cyrus SASL library provides;
 * AUTH checks the mechanism, sends SASL's first challenge and handles the
 * client's abort ("*"); a completed exchange is refused (no SASL
 * password database is used yet). */
#include "smtpd/smtpd_int.h"
#include "conf/cf.h"
#include "smtpd/sasl_dl.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEFAULT_MECHS "GSSAPI KERBEROS_V4 DIGEST-MD5 CRAM-MD5"

static sasl_conn_t *conn;
static char offered[1024];
static bool ready;

static bool word_in(const char *list, const char *w, size_t n)
{
	while (*list) {
		size_t k;
		list += strspn(list, " \t,");
		k = strcspn(list, " \t,");
		if (k == n && k > 0 && strncasecmp(list, w, n) == 0)
			return true;
		list += k;
	}
	return false;
}

/* libsasl2 and its mechanism plugins, once per process */
static bool sasl_ready(void)
{
	static int state;           /* 0 not tried, 1 ready, -1 failed */

	if (state == 0)
		state = sasl_fn_load() && sasl_server_init(NULL, "Sendmail") == SASL_OK ? 1 : -1;
	return state > 0;
}

/* this process's SASL connection (made when first needed) */
static bool conn_ready(const cf_t *cf)
{
	if (conn == NULL && sasl_ready() &&
	    sasl_server_new("smtp", mac_get(&cf->mac, 'j'), NULL, NULL, NULL, NULL, 0,
			    &conn) != SASL_OK)
		conn = NULL;
	return conn != NULL;
}

/* offered: the mechanisms SASL lists that AuthMechanisms names */
static void list_offered(const cf_t *cf)
{
	const char *want = opt_str(&cf->opt, OPT_AuthMechanisms);
	const char *res = NULL;
	unsigned len = 0;
	int count = 0;
	size_t used = 0;

	offered[0] = '\0';
	if (want == NULL)
		want = DEFAULT_MECHS;
	if (!conn_ready(cf) || sasl_listmech(conn, NULL, "", " ", "", &res, &len, &count) != SASL_OK)
		return;
	for (const char *p = res; *p;) {
		size_t n = strcspn(p, " ");
		if (n > 0 && word_in(want, p, n) && used + n + 2 < sizeof offered) {
			if (used)
				offered[used++] = ' ';
			memcpy(offered + used, p, n);
			used += n;
			offered[used] = '\0';
		}
		p += n + strspn(p + n, " ");
	}
}

/* The daemon learns the list from a child that loads SASL and exits, so
 * the daemon itself maps none of libsasl2, its plugins and their
 * libraries: each fork copies ~50 fewer mappings and a session loads
 * SASL only when its client says AUTH.  false if the helper failed (the
 * sessions then make the list themselves). */
static bool list_from_helper(const cf_t *cf)
{
	int fd[2], st;
	ssize_t n;
	size_t got = 0;
	pid_t pid;

	if (pipe(fd) < 0)
		return false;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		close(fd[0]);
		list_offered(cf);
		_exit(write(fd[1], offered, strlen(offered)) < 0 ? 1 : 0);
	}
	close(fd[1]);
	while (pid > 0 && got < sizeof offered - 1 &&
	       (n = read(fd[0], offered + got, sizeof offered - 1 - got)) != 0) {
		if (n < 0 && errno != EINTR)
			break;
		got += n > 0 ? (size_t)n : 0;
	}
	offered[got] = '\0';
	close(fd[0]);
	if (pid < 0)
		return false;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

void smtpd_preload(cf_t *cf)
{
	const char *want = opt_str(&cf->opt, OPT_AuthMechanisms);

	if (want != NULL && *want == '\0')
		ready = true;           /* nothing to offer */
	else
		ready = list_from_helper(cf);
}

const char *auth_mechanisms(session_t *s)
{
	if (!ready) {
		ready = true;
		list_offered(s->cf);
	}
	return offered;
}

/* the first challenge of mech, then the client's answer */
static void exchange(session_t *s, const char *mech)
{
	const char *out = NULL;
	unsigned outlen = 0, enclen = 0;
	char enc[4096];

	if (sasl_server_start(conn, mech, NULL, 0, &out, &outlen) != SASL_CONTINUE ||
	    sasl_encode64(out, outlen, enc, sizeof enc, &enclen) != SASL_OK) {
		smtp_reply(s, true, 454, "4.7.0", "Temporary authentication failure");
		return;
	}
	smtp_reply(s, true, 334, NULL, "%s", enc);
	if (!smtp_getline(s)) {
		s->quit = true;
		return;
	}
	if (strcmp(buf_str(&s->line), "*") == 0)
		smtp_reply(s, true, 501, "5.0.0", "AUTH aborted");
	else
		smtp_reply(s, true, 535, "5.7.0", "authentication failed");
}

void cmd_auth(session_t *s)
{
	const char *arg = cmd_arg(s);
	size_t n = strcspn(arg, " \t");
	char mech[64];

	if (s->helo == NULL || !s->esmtp) {
		smtp_reply(s, true, 503, "5.3.3", "AUTH not available");
		return;
	}
	if (n == 0) {
		smtp_reply(s, true, 501, "5.5.2", "AUTH mechanism must be specified");
		return;
	}
	snprintf(mech, sizeof mech, "%.*s", (int)(n < 63 ? n : 63), arg);
	if (!word_in(auth_mechanisms(s), mech, strlen(mech)) || !conn_ready(s->cf)) {
		smtp_reply(s, true, 504, "5.3.3", "AUTH mechanism %s not available", mech);
		return;
	}
	exchange(s, mech);
}

void cmd_starttls(session_t *s)
{
	/* no server certificate is configured in this build */
	smtp_reply(s, true, 454, "4.3.3", "TLS not available after start");
}
