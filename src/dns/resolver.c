/* resolver.c - the process's resolver handle, the "last h_errno" the
 * reference's global would hold, answer-section parsing, and the queue of
 * diagnostic lines that test mode prints. */
#include "dns/dns.h"
#include "dns/dns_int.h"
#include "lib/buf.h"
#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <string.h>

static struct __res_state g_res;
static bool g_res_ready;
static int g_herrno;
static buf_t g_msgs = BUF_INIT(64 * 1024);

res_state dns_res(void)
{
	if (!g_res_ready) {
		memset(&g_res, 0, sizeof g_res);
		(void)res_ninit(&g_res);  /* defaults are fine on failure */
		g_res_ready = true;
	}
	return &g_res;
}

int dns_last_herrno(void)
{
	return g_herrno;
}

void dns_set_last_herrno(int h)
{
	g_herrno = h;
}

/* run one resolver call with the shared h_errno semantics: the call
 * only overwrites h_errno when it fails (glibc leaves it on success) */
static int run_res(bool search, const char *name, int type,
		   unsigned char *ans, int anslen)
{
	res_state rs = dns_res();
	int n;

	rs->res_h_errno = g_herrno;
	errno = 0;
	if (search)
		n = res_nsearch(rs, name, C_IN, type, ans, anslen);
	else
		n = res_nquery(rs, name, C_IN, type, ans, anslen);
	g_herrno = rs->res_h_errno;
	if (n > anslen)
		n = anslen;
	return n;
}

int dns_query(const char *name, int type, unsigned char *ans, int anslen)
{
	return run_res(false, name, type, ans, anslen);
}

int dns_search(const char *name, int type, unsigned char *ans, int anslen)
{
	return run_res(true, name, type, ans, anslen);
}

static unsigned get16(const unsigned char *p)
{
	return ((unsigned)p[0] << 8) | p[1];
}

/* skip the question section; the offset after it, or -1 */
static long skip_questions(const unsigned char *msg, const unsigned char *eom)
{
	const unsigned char *p = msg + NS_HFIXEDSZ;
	unsigned n = get16(msg + 4);
	int k;

	while (n-- > 0) {
		if (p >= eom || (k = dn_skipname(p, eom)) < 0 || eom - (p + k) < NS_QFIXEDSZ)
			return -1;
		p += k + NS_QFIXEDSZ;
	}
	return p - msg;
}

int dns_walk_answer(const unsigned char *msg, int len, dns_walk_fn fn, void *arg)
{
	const unsigned char *eom = msg + (len > 0 ? len : 0), *p;
	unsigned count, i;
	long off;

	if (len < NS_HFIXEDSZ || (off = skip_questions(msg, eom)) < 0)
		return -1;
	p = msg + off;
	count = get16(msg + 6);
	/* an answer that ends before its count keeps what it has */
	for (i = 0; i < count && p < eom; i++) {
		struct dns_rdata r;
		int k = dn_skipname(p, eom), v;

		if (k < 0 || eom - (p + k) < NS_RRFIXEDSZ)
			return -1;
		p += k;
		r.type = (int)get16(p);
		r.ttl = ((unsigned)get16(p + 4) << 16) | get16(p + 6);
		r.rdlen = get16(p + 8);
		p += NS_RRFIXEDSZ;
		if ((size_t)(eom - p) < r.rdlen)
			return -1;
		r.msg = msg;
		r.eom = eom;
		r.rd = p;
		p += r.rdlen;
		if (fn != NULL && (v = fn(&r, arg)) <= 0)
			return v;
	}
	return 0;
}

/* decode one record into rr; false if its rdata is unusable */
static bool decode_rr(const struct dns_rdata *r, struct dns_rr *rr)
{
	int off = 0;

	memset(rr, 0, sizeof *rr);
	rr->type = r->type;
	rr->ttl = r->ttl;
	if (rr->type == ns_t_mx) {
		if (r->rdlen < 3)
			return false;
		rr->pref = get16(r->rd);
		off = 2;
	} else if (rr->type != ns_t_cname) {
		return true;
	}
	return dn_expand(r->msg, r->eom, r->rd + off, rr->data, sizeof rr->data) >= 0;
}

struct each {
	dns_rr_fn fn;
	void *arg;
};

static int each_rr(const struct dns_rdata *r, void *arg)
{
	struct each *e = arg;
	struct dns_rr rr;

	if (!decode_rr(r, &rr))
		return 1;
	return e->fn(&rr, e->arg) ? 1 : 0;
}

bool dns_each_answer(const unsigned char *msg, int len, dns_rr_fn fn,
		     void *arg)
{
	struct each e = { fn, arg };

	if (dns_walk_answer(msg, len, NULL, NULL) < 0)
		return false;
	(void)dns_walk_answer(msg, len, each_rr, &e);
	return true;
}

void dns_msgf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)buf_vprintf(&g_msgs, fmt, ap);
	va_end(ap);
	(void)buf_addc(&g_msgs, '\n');
}

void dns_take_messages(buf_t *out)
{
	if (out != NULL && g_msgs.len > 0)
		(void)buf_add(out, g_msgs.p, g_msgs.len);
	buf_reset(&g_msgs);
}
