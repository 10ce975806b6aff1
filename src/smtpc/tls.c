/* tls.c - opportunistic STARTTLS: when the server offers it, ask, do the
 * handshake (Timeout.starttls) with the cf's client certificate and CA
 * file when given, and say EHLO again over TLS.  As the reference does by
 * default, the server's certificate is not required to verify: a
 * verification failure does not stop delivery.  A refused STARTTLS goes
 * on in clear; a failed handshake is a temporary failure of the session. */
#include "smtpc/smtpc_int.h"
#include "conf/options.h"
#include <errno.h>
#include <poll.h>
#include <time.h>

static SSL_CTX *client_ctx(cf_t *cf)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	const char *cert = opt_str(&cf->opt, OPT_ClientCertFile);
	const char *key = opt_str(&cf->opt, OPT_ClientKeyFile);
	const char *ca = opt_str(&cf->opt, OPT_CACertFile);

	if (ctx == NULL)
		return NULL;
	SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	if (ca != NULL && *ca)
		(void)SSL_CTX_load_verify_locations(ctx, ca, NULL);
	/* an unusable certificate or key: go on without one */
	if (cert != NULL && *cert && key != NULL && *key &&
	    (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1 ||
	     SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1))
		ERR_clear_error();
	return ctx;
}

static int handshake(sconn_t *c, long timeout)
{
	time_t deadline = time(NULL) + (timeout > 0 ? timeout : 3600);

	for (;;) {
		int k = SSL_connect(c->ssl), e;
		struct pollfd p = { .fd = c->fd };
		time_t now = time(NULL);

		if (k == 1)
			return 0;
		e = SSL_get_error(c->ssl, k);
		if (e == SSL_ERROR_WANT_READ)
			p.events = POLLIN;
		else if (e == SSL_ERROR_WANT_WRITE)
			p.events = POLLOUT;
		else
			return -1;
		if (now >= deadline || poll(&p, 1, (int)(deadline - now) * 1000) <= 0) {
			c->timedout = true;
			c->err = ETIMEDOUT;
			return -1;
		}
	}
}

/* 0: go on (with or without TLS); -1: the session failed */
int sstarttls(ssess_t *s, sreply_t *r)
{
	cf_t *cf = s->q->cf;
	long t = smtpc_timeout(cf, OPT_Timeout_starttls);

	/* not offered, or no libssl to do it with: in clear */
	if (!(s->ext & EXT_STARTTLS) || s->no_tls || !ssl_fn_load())
		return 0;
	s->phase = "STARTTLS";
	if (sconn_cmd(s, "STARTTLS", t, true) < 0 || sreply_read(s, r, t) < 0)
		return -1;
	if (r->code != 220)
		return 0;
	s->c.ctx = client_ctx(cf);
	if (s->c.ctx == NULL || (s->c.ssl = SSL_new(s->c.ctx)) == NULL ||
	    SSL_set_fd(s->c.ssl, s->c.fd) != 1 || handshake(&s->c, t) < 0) {
		r->code = 0;
		s->tls_failed = true;
		if (s->c.err == 0)
			s->c.err = EPROTO;
		return -1;
	}
	s->c.rpos = s->c.rlen = 0;   /* nothing read in clear counts now */
	/* EHLO again, over TLS (the greeting is not repeated) */
	return sehlo(s, r) == 0 ? 0 : -1;
}
