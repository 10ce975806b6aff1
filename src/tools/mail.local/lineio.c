/* lineio.c - reading standard input line by line for mail.local, and the
 * message of the plain (non-LMTP) mode: everything up to end of file.  A
 * last line without a newline is taken as a whole line (the reference
 * writes stray bytes there). */
#include "mail_local.h"
#include <stdio.h>

/* the next line without its "\n" into B; -1 at end of input */
int ml_getline(buf_t *b)
{
	int c;

	buf_reset(b);
	while ((c = getchar()) != EOF && c != '\n')
		buf_addc(b, c);
	if (c == EOF && b->len == 0)
		return -1;
	return 0;
}

void ml_read_stdin(struct ml_msg *m)
{
	buf_t line = BUF_INIT(0);

	while (ml_getline(&line) == 0)
		msg_line(m, line.p != NULL ? line.p : "", line.len);
	msg_end(m);
	buf_free(&line);
}
