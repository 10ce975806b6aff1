/* addrtext.h - small text checks shared by submission and the SMTP
 * server: RFC 3461 xtext (ENVID=, ORCPT=, -V) and the angle brackets
 * around an address ("<a@b>" -> "a@b"); IPv6 addresses as the reference
 * writes them. */
#ifndef SM_ADDRTEXT_H
#define SM_ADDRTEXT_H
#include "lib/buf.h"
#include <stdbool.h>

/* printable ASCII but '=', '+' only as "+XX" (two hex digits) */
bool xtext_valid(const char *v);
/* out = text without one pair of enclosing angle brackets */
void strip_angles(const char *text, buf_t *out);
/* an IPv6 address (16 bytes) as eight hex groups without "::"
 * shortening, as the reference writes it ("0:0:0:0:0:0:0:1") */
void ip6_text(const unsigned char a[16], buf_t *out);

#endif
