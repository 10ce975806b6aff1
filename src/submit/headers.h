/* headers.h - a submitted message's header: the fields the submitter
 * wrote plus the cf's H lines (defaults), in the reference's order:
 * first the H lines the message needs (in cf order: a field the
 * submitter already has is not added unless the header is forced, the
 * Resent- ones only for a resent message), then the submitter's fields
 * as written.  H line values are macro-expanded now, except headers
 * bound late (Return-Path), whose macros stay as MACRO_BYTE codes until
 * delivery. */
#ifndef SM_SUBMIT_HEADERS_H
#define SM_SUBMIT_HEADERS_H
#include "conf/cf.h"
#include "queue/envelope.h"
#include <stddef.h>

/* add the submitter's fields[0..n) ("Name: value") to e */
void hdr_add_user(envelope_t *e, char *const *fields, size_t n);
/* put the cf's default fields the message needs, then the fields
 * extra[0..n) (X-Authentication-Warning:), in front of e's */
void hdr_add_defaults(envelope_t *e, cf_t *cf, char *const *extra, size_t nextra);
/* split "Name: value" at the colon: name (trailing blanks dropped) and the
 * value verbatim; false if there is no colon */
bool hdr_split(const char *field, buf_t *name, const char **value);
/* a phrase (full name) as it may stand in an address field: in double
 * quotes, with " and \ escaped, when it has specials */
void hdr_quote_phrase(const char *phrase, buf_t *out);
/* $x -> MACRO_BYTE x (a late-bound template) */
void hdr_bind_late(const char *tmpl, buf_t *out);

#endif
