/* cf_lines.h - sendmail.cf as logical lines (physical lines that begin
 * with a blank continue the one before).
 *
 * The file is read in large blocks and split here, instead of stdio's
 * fgets() and getc() per line: every submission reads the whole .cf. */
#ifndef SM_CONF_CF_LINES_H
#define SM_CONF_CF_LINES_H
#include "lib/buf.h"
#include <stdbool.h>
#include <stddef.h>

#define CFL_BLOCK 65536

typedef struct cf_lines {
	int fd;
	size_t pos, len;     /* unread bytes are blk[pos..len) */
	bool eof;
	bool nul;            /* a NUL byte was read: lines are checked for one */
	char blk[CFL_BLOCK];
} cf_lines_t;

/* 0, or -1 with errno set */
int cfl_open(cf_lines_t *r, const char *path);
void cfl_close(cf_lines_t *r);

/* the next logical line (without its newline; a header template, an H
 * line, keeps the breaks between its pieces); lineno counts physical
 * lines, startline is where this one began.  The line is writable and
 * valid until the next call: in the block when it is one physical line,
 * else joined in out.  NULL at the end of the file. */
char *cfl_next(cf_lines_t *r, buf_t *out, int *lineno, int *startline);

#endif
