/*
 * test_dl_tables.c -- the libraries sendmail opens with dlopen() on first
 * use (lib/dl_table.c): libssl for the SMTP client, libsasl2 for the SMTP
 * server, libldap for ldap maps.  Each table must fill completely on this
 * host (a misspelt or missing symbol would leave the feature dead without
 * a link error), the functions must work through it, and a library that
 * cannot be found must leave its table untouched and say so every time.
 */
#include "tap.h"
#include "lib/dl_table.h"
#include "maps/ldap_dl.h"
#include "smtpc/ssl_dl.h"
#include "smtpd/sasl_dl.h"

#include <stddef.h>

struct fake_fn { void *strlen_fn; };

int main(void)
{
	const char *why = NULL;
	unsigned char enc[32];  /* 4 * ceil(13 / 3) + NUL = 21 */
	SSL_CTX *ctx;
	int k;

	ok(ssl_fn_load(), "libssl loads and every client function is found");
	ok(ssl_fn_load(), "loading again answers from the first load");
	k = EVP_EncodeBlock(enc, (const unsigned char *)"\0alice\0secret", 13);
	is_str(k > 0 ? (const char *)enc : "", "AGFsaWNlAHNlY3JldA==",
	       "libcrypto's EVP_EncodeBlock reached through libssl's handle");
	ctx = SSL_CTX_new(TLS_client_method());
	ok(ctx != NULL, "a TLS client context through the table");
	if (ctx != NULL)
		SSL_CTX_free(ctx);
	ok(sasl_fn_load(), "libsasl2 loads and every server function is found");
	ok(ldap_fn_load(&why), "libldap loads and every map function is found");

	{
		static const char *const none[] = { "libsm-does-not-exist.so.9" };
		static const dl_slot_t slots[] = { { "strlen", offsetof(struct fake_fn, strlen_fn) } };
		struct fake_fn f = { NULL };
		dl_table_t t = { none, 1, slots, 1, &f, sizeof f, 0 };
		ok(!dl_table_load(&t) && !dl_table_load(&t) && t.state < 0,
		   "a library that is not there fails, and keeps failing");
		ok(f.strlen_fn == NULL, "its table is left untouched");
	}
	{
		static const char *const libc[] = { "libc.so.6" };
		static const dl_slot_t slots[] = {
			{ "strlen", offsetof(struct fake_fn, strlen_fn) },
			{ "sm_no_such_symbol", offsetof(struct fake_fn, strlen_fn) },
		};
		struct fake_fn f = { NULL };
		dl_table_t t = { libc, 1, slots, 2, &f, sizeof f, 0 };
		ok(!dl_table_load(&t) && f.strlen_fn == NULL,
		   "one missing symbol: nothing is filled in, not even the found ones");
	}
	return done_testing();
}
