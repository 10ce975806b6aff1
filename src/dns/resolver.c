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

/* decode one parsed record into rr; false if its rdata is unusable */
static bool decode_rr(ns_msg *h, ns_rr *r, struct dns_rr *rr)
{
	const unsigned char *rd = ns_rr_rdata(*r);
	const unsigned char *eom = ns_msg_end(*h);
	int off = 0;

	memset(rr, 0, sizeof *rr);
	rr->type = ns_rr_type(*r);
	rr->ttl = ns_rr_ttl(*r);
	if (rr->type == ns_t_mx) {
		if (ns_rr_rdlen(*r) < 3)
			return false;
		rr->pref = ((unsigned)rd[0] << 8) | rd[1];
		off = 2;
	} else if (rr->type != ns_t_cname) {
		return true;
	}
	if (dn_expand(ns_msg_base(*h), eom, rd + off, rr->data,
		      sizeof rr->data) < 0)
		return false;
	return true;
}

bool dns_each_answer(const unsigned char *msg, int len, dns_rr_fn fn,
		     void *arg)
{
	ns_msg h;
	ns_rr r;
	struct dns_rr rr;
	int i, count;

	if (len <= 0 || ns_initparse(msg, len, &h) < 0)
		return false;
	count = ns_msg_count(h, ns_s_an);
	for (i = 0; i < count; i++) {
		if (ns_parserr(&h, ns_s_an, i, &r) < 0)
			return false;
		if (!decode_rr(&h, &r, &rr))
			continue;
		if (!fn(&rr, arg))
			break;
	}
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
