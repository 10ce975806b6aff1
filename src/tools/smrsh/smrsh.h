/* smrsh.h - the restricted shell's pieces shared by its two files: the
 * fixed places it trusts and the diagnostics it ends with. */
#ifndef SMRSH_H
#define SMRSH_H
#include "lib/buf.h"

/* The only directory whose programs may run.  A compile-time setting
 * (-DSMRSH_CMDDIR=...), never an environment variable: whoever can set
 * the environment of smrsh must not be able to widen what it allows. */
#ifndef SMRSH_CMDDIR
#define SMRSH_CMDDIR "/etc/mail/smrsh"
#endif
/* the only environment the shell and the program get */
#ifndef SMRSH_PATH
#define SMRSH_PATH "/usr/bin:/bin"
#endif
#define SMRSH_SHELL "/bin/sh"
/* the rewritten command must stay below this many bytes */
#define SMRSH_CMDMAX 999

/* smrsh.c: messages that end the program with EX_UNAVAILABLE */
void smrsh_toolong(const char *cmd) __attribute__((noreturn));
void smrsh_badchar(int c, const char *cmd) __attribute__((noreturn));
void smrsh_notavail(const char *word, size_t wlen, const char *rest,
		    const char *why) __attribute__((noreturn));
void smrsh_noexec(void) __attribute__((noreturn));

/* rewrite.c: check CMD and build the command for /bin/sh in OUT (every
 * program word replaced by its file in the directory); returns only on
 * success, otherwise one of the functions above ends the program. */
void smrsh_rewrite(const char *cmd, buf_t *out);

#endif
