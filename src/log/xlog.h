/* xlog.h - sendmail -X FILE: a transcript of the traffic, as the
 * reference writes it: one line per line read ("PPPPP <<< text"; the end
 * of a submission's input is "[EOF]"), written (">>> text": SMTP replies,
 * the message as a mailer gets it) or done ("=== EXEC argv" when a mailer
 * program starts), PPPPP the process id in five digits.  Lines are
 * appended with one write(2) each, so forked processes do not mix them.
 * The file is opened with the caller's real ids (a user cannot make the
 * program write where it could not), created mode 0644. */
#ifndef SM_XLOG_H
#define SM_XLOG_H
#include <stdbool.h>
#include <stddef.h>

int xlog_open(const char *path);   /* 0, or -1 with errno */
bool xlog_on(void);
/* one line; tag "<<<", ">>>" or "==="; text of n bytes, no newline */
void xlog_line(const char *tag, const char *s, size_t n);
/* the same from a sink that gets arbitrary pieces: bytes are gathered and
 * logged per '\n' (a '\r' before it dropped); xlog_flush_out logs the rest */
void xlog_out(const char *s, size_t n);
void xlog_flush_out(void);
/* what the program writes to its standard output (-v progress, error
 * messages) goes to the transcript as ">>> " lines too (not for -bs,
 * whose replies are logged as they are sent); 0 or -1 */
int xlog_wrap_stdout(void);
/* text a program wrote, read to its end: "<<< " per line, then "[EOF]" */
void xlog_in_text(const char *s, size_t n);

#endif
