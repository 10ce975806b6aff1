/* maptool.h - what makemap and editmap share besides db_write: the
 * TrustedUser lookup in sendmail.cf, the checks on the map's path (with
 * the reference's warnings and refusals), and the conversion of a
 * stored key or value for printing. */
#ifndef SM_MAPTOOL_H
#define SM_MAPTOOL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "maps/db_write.h"

#define MAPTOOL_DEFAULT_CF "/etc/mail/sendmail.cf"

/* As root, read cf for "O TrustedUser=" and set o->chown_to/uid.  Returns
 * 0, or EX_NOINPUT after "PROG: CF: reason" on stderr. */
int maptool_trusted_user(const char *prog, const char *cf, dbw_opts_t *o);

/* Check the map file path (with .db): a warning for each group or world
 * writable directory on the way; unless unsafe_ok, a symbolic or hard
 * link is refused.  NULL when the file may be used, else the reason. */
const char *maptool_check_path(const char *path, bool unsafe_ok);

/* print a stored datum as the reference does: up to its first NUL */
void maptool_print(const void *p, size_t n, FILE *fp);

#endif
