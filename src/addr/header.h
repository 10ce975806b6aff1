/* header.h - header names and their flags (H_* bits as the reference's
 * "/header" command reports them). */
#ifndef SM_HEADER_H
#define SM_HEADER_H
#include "conf/cf.h"

#define H_EOH        0x00000001
#define H_RCPT       0x00000002
#define H_DEFAULT    0x00000004
#define H_RESENT     0x00000008
#define H_CHECK      0x00000010
#define H_ACHECK     0x00000020
#define H_FORCE      0x00000040
#define H_TRACE      0x00000080
#define H_FROM       0x00000100
#define H_VALID      0x00000200
#define H_RECEIPTTO  0x00000400
#define H_ERRORSTO   0x00000800
#define H_CTE        0x00001000
#define H_CTYPE      0x00002000
#define H_BCC        0x00004000
#define H_ENCODABLE  0x00008000
#define H_STRIPCOMM  0x00010000
#define H_BINDLATE   0x00020000
#define H_USER       0x00040000
#define H_MEMONLY    0x00080000   /* kept for a delivery by the submitting
                                     process only, never written to a qf */

/* flags of a header line "Name: value" as a user-supplied header */
unsigned long header_flags_of(const cf_t *cf, const char *line);
unsigned long header_known_flags(const char *name);

#endif
