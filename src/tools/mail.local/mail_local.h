/* mail_local.h - mail.local's shared state and the interfaces of its
 * files: the message as spooled (msg.c), delivery into a mailbox
 * (mbox.c, dotlock.c), LMTP (lmtp.c), diagnostics (err.c). */
#ifndef MAIL_LOCAL_H
#define MAIL_LOCAL_H
#include "lib/buf.h"
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

/* The mailbox directory.  A compile-time setting (-DML_SPOOLDIR=...),
 * not an environment variable: mail.local runs as root.  Tests keep the
 * default and bind a directory of their own over it in a private mount
 * namespace. */
#ifndef ML_SPOOLDIR
#define ML_SPOOLDIR "/var/mail"
#endif
#define ML_TMPDIR "/tmp"

struct ml_opts {
	bool lmtp;        /* -l */
	bool no8bit;      /* -7: LHLO does not offer 8BITMIME */
	bool quota_perm;  /* -b: over quota is a permanent error */
	const char *home_file;  /* -h: mailbox in the home directory */
};
extern struct ml_opts ml_opts;

#define ML_PEND_MAX 32768   /* body bytes gathered before a write */

/* one spooled message: the headers in memory, the body in an unlinked
 * temporary file */
struct ml_msg {
	buf_t head;       /* "From sender date\n" and the header lines */
	int body_fd;
	off_t body_len;   /* body bytes added (written and pending) */
	buf_t pend;       /* body bytes not written to body_fd yet */
	bool saw_sep;     /* the blank line after the headers was seen */
	bool first;       /* no line added yet */
	int fail;         /* errno of a failed spool write, 0 if none */
};

/* msg.c */
void msg_begin(struct ml_msg *m, const char *sender);
void msg_line(struct ml_msg *m, const char *s, size_t n);
void msg_end(struct ml_msg *m);
void msg_free(struct ml_msg *m);
int msg_write(const struct ml_msg *m, int fd);   /* 0 or an errno */

/* mbox.c: deliver M to USER; 0 on success, else the error was reported */
int deliver(const struct ml_msg *m, const char *user);

/* dotlock.c: USER's dot lock next to the mailbox PATH; 0 or the exit
 * code that the failure maps to */
int dotlock_take(const char *path, buf_t *lock);
void dotlock_drop(buf_t *lock);

/* lmtp.c */
void lmtp_serve(void) __attribute__((noreturn));

/* err.c: CODE is "NNN X.Y.Z"; the message goes to syslog and, in LMTP
 * mode, out as the reply, otherwise to standard error; the exit status
 * becomes EX_TEMPFAIL or EX_UNAVAILABLE from the code's class */
void mailerr(const char *code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
extern int ml_exitval;
void lmtp_reply(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
