/* sasl_dl.c - dlopen() of libsasl2 on first use (see sasl_dl.h). */
#define SASL_DL_IMPL 1
#include "smtpd/sasl_dl.h"
#include "lib/dl_table.h"
#include <stddef.h>

struct sasl_fn sasl_fn;

static const char *const sonames[] = { "libsasl2.so.2", "libsasl2.so" };

#define SASL_FN_SLOT(f) { #f, offsetof(struct sasl_fn, f) },
static const dl_slot_t slots[] = {
	SASL_FN_LIST(SASL_FN_SLOT)
};

bool sasl_fn_load(void)
{
	static dl_table_t t = {
		sonames, sizeof sonames / sizeof sonames[0],
		slots, sizeof slots / sizeof slots[0], &sasl_fn, sizeof sasl_fn, 0,
	};

	return dl_table_load(&t);
}
