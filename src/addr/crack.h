/* crack.h - crackaddr: split a header address into the address proper
 * and its surrounding text (comments, phrase), giving a template where
 * "$g" stands for the address. */
#ifndef SM_CRACK_H
#define SM_CRACK_H
#include "lib/buf.h"

void crackaddr(const char *addr, buf_t *out);
/* expand a crackaddr template: "$g" replaced by name */
void crack_fill(const char *fancy, const char *name, buf_t *out);

#endif
