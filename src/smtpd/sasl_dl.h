/* sasl_dl.h - Cyrus SASL's libsasl2, loaded when AUTH is first offered.
 *
 * Linked, libsasl2 is loaded and relocated by every sendmail start-up
 * (about a sixth of the dynamic loader's work for `sendmail -oi user`),
 * although only the SMTP server uses it.  So it is opened with dlopen()
 * on first use (lib/dl_table.c) and auth.c calls its functions by their
 * names through sasl_fn (the macros below).  The prototypes come from
 * <sasl/sasl.h>. */
#ifndef SM_SMTPD_SASL_DL_H
#define SM_SMTPD_SASL_DL_H
#include <sasl/sasl.h>
#include <sasl/saslutil.h>
#include <stdbool.h>

#define SASL_FN_LIST(X) \
	X(sasl_server_init) X(sasl_server_new) X(sasl_listmech) \
	X(sasl_server_start) X(sasl_encode64)

#define SASL_FN_MEMBER(f) __typeof__(f) *f;
struct sasl_fn {
	SASL_FN_LIST(SASL_FN_MEMBER)
};
#undef SASL_FN_MEMBER
extern struct sasl_fn sasl_fn;

/* load libsasl2 once; false when it cannot be loaded */
bool sasl_fn_load(void);

#ifndef SASL_DL_IMPL
#define sasl_server_init (*sasl_fn.sasl_server_init)
#define sasl_server_new (*sasl_fn.sasl_server_new)
#define sasl_listmech (*sasl_fn.sasl_listmech)
#define sasl_server_start (*sasl_fn.sasl_server_start)
#define sasl_encode64 (*sasl_fn.sasl_encode64)
#endif
#endif
