/* ssl_dl.h - OpenSSL's libssl (and libcrypto behind it), loaded the first
 * time the SMTP client needs it: STARTTLS, or base64 for AUTH.
 *
 * Linked, libssl and libcrypto are loaded, relocated and initialised by
 * every sendmail start-up -- about half the instructions of a
 * `sendmail -oi user` from cron, which never speaks SMTP.  So they are
 * opened with dlopen() on first use (lib/dl_table.c) and the client calls
 * their functions by their names through ssl_fn (the macros below).  The
 * OpenSSL headers the client uses are included here, before the macros,
 * so their declarations are not renamed. */
#ifndef SM_SMTPC_SSL_DL_H
#define SM_SMTPC_SSL_DL_H
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <stdbool.h>

#define SSL_FN_LIST(X) \
	X(TLS_client_method) X(SSL_CTX_new) X(SSL_CTX_free) X(SSL_CTX_set_verify) \
	X(SSL_CTX_load_verify_locations) X(SSL_CTX_use_certificate_chain_file) \
	X(SSL_CTX_use_PrivateKey_file) X(SSL_new) X(SSL_free) X(SSL_set_fd) \
	X(SSL_connect) X(SSL_shutdown) X(SSL_read) X(SSL_write) X(SSL_get_error) \
	X(ERR_clear_error) X(EVP_EncodeBlock)

#define SSL_FN_MEMBER(f) __typeof__(f) *f;
struct ssl_fn {
	SSL_FN_LIST(SSL_FN_MEMBER)
};
#undef SSL_FN_MEMBER
extern struct ssl_fn ssl_fn;

/* load libssl once; false when it cannot be loaded */
bool ssl_fn_load(void);

#ifndef SSL_DL_IMPL
#define TLS_client_method (*ssl_fn.TLS_client_method)
#define SSL_CTX_new (*ssl_fn.SSL_CTX_new)
#define SSL_CTX_free (*ssl_fn.SSL_CTX_free)
#define SSL_CTX_set_verify (*ssl_fn.SSL_CTX_set_verify)
#define SSL_CTX_load_verify_locations (*ssl_fn.SSL_CTX_load_verify_locations)
#define SSL_CTX_use_certificate_chain_file (*ssl_fn.SSL_CTX_use_certificate_chain_file)
#define SSL_CTX_use_PrivateKey_file (*ssl_fn.SSL_CTX_use_PrivateKey_file)
#define SSL_new (*ssl_fn.SSL_new)
#define SSL_free (*ssl_fn.SSL_free)
#define SSL_set_fd (*ssl_fn.SSL_set_fd)
#define SSL_connect (*ssl_fn.SSL_connect)
#define SSL_shutdown (*ssl_fn.SSL_shutdown)
#define SSL_read (*ssl_fn.SSL_read)
#define SSL_write (*ssl_fn.SSL_write)
#define SSL_get_error (*ssl_fn.SSL_get_error)
#define ERR_clear_error (*ssl_fn.ERR_clear_error)
#define EVP_EncodeBlock (*ssl_fn.EVP_EncodeBlock)
#endif
#endif
