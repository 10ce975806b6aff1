/* mailer_parse.h - M lines: mailer definitions and the built-in mailers. */
#ifndef SM_MAILER_PARSE_H
#define SM_MAILER_PARSE_H
#include "conf/cf.h"

void mailer_parse_line(cf_t *cf, char *line);
/* the "=M" dump line for one mailer, as the reference prints it */
void mailer_format(const cf_t *cf, const mailer_t *m, buf_t *out);

#endif
