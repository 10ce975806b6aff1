/* auth.c - SMTP AUTH as a client.  The credentials come from the cf's
 * "authinfo" ruleset (the authinfo/access map entries "AuthInfo:host",
 * "AuthInfo:addr", "AuthInfo:") run with {server_name} and {server_addr}
 * defined; its result lists quoted items "U:user" (authorization id),
 * "I:authid" (authentication id), "P:password", "M:mechanisms".  The
 * mechanism is the first one the server offers that the entry allows and
 * we implement: PLAIN (RFC 4616) or LOGIN.  (Implemented directly, not
 * through Cyrus SASL: these two need nothing else; doc/differences.md.)
 * A refused authentication leaves the session unauthenticated. */
#include "smtpc/smtpc_int.h"
#include "addr/parseaddr.h"
#include "conf/options.h"
#include "rewrite/rewrite.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef struct creds {
	char user[256], authid[256], pass[256], mechs[256];
} creds_t;

static void item(const char *s, size_t n, creds_t *c)
{
	char *dst = NULL;

	if (n < 2 || s[1] != ':')
		return;
	switch (s[0]) {
	case 'U': dst = c->user; break;
	case 'I': dst = c->authid; break;
	case 'P': dst = c->pass; break;
	case 'M': dst = c->mechs; break;
	default: return;
	}
	snprintf(dst, 256, "%.*s", (int)(n - 2 > 255 ? 255 : n - 2), s + 2);
}

/* the quoted items of the ruleset's result */
static void parse_items(const char *t, creds_t *c)
{
	while ((t = strchr(t, '"')) != NULL) {
		const char *e = strchr(++t, '"');
		if (e == NULL)
			break;
		item(t, (size_t)(e - t), c);
		t = e + 1;
	}
}

static bool lookup(ssess_t *s, creds_t *c)
{
	cf_t *cf = s->q->cf;
	int rs = cf_ruleset_lookup(cf, "authinfo");
	char name[256];
	tokvec_t tv;
	arena_t ar;
	rwctx_t cx;
	buf_t out = BUF_INIT(4096);
	size_t n = strlen(s->hostname);

	if (rs < 0 || cf->rs[rs].n == 0)
		return false;
	snprintf(name, sizeof name, "%.*s", (int)(n > 0 && s->hostname[n - 1] == '.' ? n - 1 : n),
		 s->hostname);
	mac_define(&cf->mac, macid("server_name"), name);
	mac_define(&cf->mac, macid("server_addr"), s->addr);
	tv_init(&tv);
	arena_init(&ar);
	if (addr_scan(NULL, name, &tv, &ar, false) == 0) {
		memset(&cx, 0, sizeof cx);
		cx.cf = cf;
		cx.ar = &ar;
		rewrite(&cx, rs, &tv);
		for (size_t i = 0; i < tv.n; i++)
			tok_render(&out, &tv.v[i]);
	}
	tv_free(&tv);
	arena_free(&ar);
	memset(c, 0, sizeof *c);
	parse_items(buf_str(&out), c);
	buf_free(&out);
	if (!c->authid[0])
		snprintf(c->authid, sizeof c->authid, "%s", c->user);
	if (!c->user[0])
		snprintf(c->user, sizeof c->user, "%s", c->authid);
	return c->authid[0] != '\0';
}

static bool has_word(const char *list, const char *w)
{
	size_t wl = strlen(w);
	while (*list) {
		size_t n;
		list += strspn(list, " ");
		n = strcspn(list, " ");
		if (n == wl && strncasecmp(list, w, n) == 0)
			return true;
		list += n;
	}
	return false;
}

static void b64(const char *s, size_t n, buf_t *out)
{
	unsigned char enc[1024];
	if (n > 700)
		n = 700;
	if (!ssl_fn_load())
		return;
	int k = EVP_EncodeBlock(enc, (const unsigned char *)s, (int)n);
	buf_add(out, enc, (size_t)(k > 0 ? k : 0));
}

/* send line, read the reply; 0 when it came */
static int step(ssess_t *s, const char *line, sreply_t *r)
{
	long t = smtpc_timeout(s->q->cf, OPT_Timeout_auth);
	if (sconn_cmd(s, line, t, true) < 0 || sreply_read(s, r, t) < 0)
		return -1;
	return 0;
}

static int auth_plain(ssess_t *s, const creds_t *c, sreply_t *r)
{
	buf_t raw = BUF_INIT(1024), cmd = BUF_INIT(0);
	int rc;

	buf_printf(&raw, "%s%c%s%c%s", c->user, 0, c->authid, 0, c->pass);
	buf_adds(&cmd, "AUTH PLAIN ");
	b64(raw.p, raw.len, &cmd);
	rc = step(s, buf_str(&cmd), r);
	buf_free(&raw);
	buf_free(&cmd);
	return rc;
}

static int auth_login(ssess_t *s, const creds_t *c, sreply_t *r)
{
	buf_t l = BUF_INIT(0);
	int rc = step(s, "AUTH LOGIN", r);

	if (rc == 0 && r->code == 334) {
		b64(c->authid, strlen(c->authid), &l);
		rc = step(s, buf_str(&l), r);
		if (rc == 0 && r->code == 334) {
			buf_reset(&l);
			b64(c->pass, strlen(c->pass), &l);
			rc = step(s, buf_str(&l), r);
		}
	}
	buf_free(&l);
	return rc;
}

int sauth(ssess_t *s, sreply_t *r)
{
	creds_t c;
	const char *allowed, *p;
	int rc = 0;

	if (!(s->ext & EXT_AUTH) || s->no_auth || !lookup(s, &c))
		return 0;
	allowed = c.mechs[0] ? c.mechs : opt_str(&s->q->cf->opt, OPT_AuthMechanisms);
	if (allowed == NULL)
		allowed = "";
	s->phase = "AUTH";
	for (p = s->authmechs; *p; ) {
		char mech[64];
		size_t n;
		p += strspn(p, " ");
		n = strcspn(p, " ");
		snprintf(mech, sizeof mech, "%.*s", (int)(n < 63 ? n : 63), p);
		p += n;
		if (!has_word(allowed, mech))
			continue;
		if (strcasecmp(mech, "PLAIN") == 0)
			rc = auth_plain(s, &c, r);
		else if (strcasecmp(mech, "LOGIN") == 0)
			rc = auth_login(s, &c, r);
		else
			continue;
		s->authed = rc == 0 && r->code == 235;
		break;
	}
	memset(&c, 0, sizeof c);
	return rc;
}
