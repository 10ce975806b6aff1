/* ssl_dl.c - dlopen() of libssl on first use (see ssl_dl.h).  libcrypto's
 * functions are found through libssl's handle (it depends on it). */
#define SSL_DL_IMPL 1
#include "smtpc/ssl_dl.h"
#include "lib/dl_table.h"
#include <stddef.h>

struct ssl_fn ssl_fn;

static const char *const sonames[] = { "libssl.so.3", "libssl.so" };

#define SSL_FN_SLOT(f) { #f, offsetof(struct ssl_fn, f) },
static const dl_slot_t slots[] = {
	SSL_FN_LIST(SSL_FN_SLOT)
};

bool ssl_fn_load(void)
{
	static dl_table_t t = {
		sonames, sizeof sonames / sizeof sonames[0],
		slots, sizeof slots / sizeof slots[0], &ssl_fn, sizeof ssl_fn, 0,
	};

	return dl_table_load(&t);
}
