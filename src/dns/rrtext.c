/* rrtext.c - a DNS query for the dns map class, and the answer section
 * of its reply as text values, one per record of the asked type.
 *
 * Every offset is checked against the message end: a record that does
 * not fit, a name that does not expand, or rdata too short for its type
 * makes the whole answer unusable (as the reference drops it); an answer
 * section that simply ends early (a count larger than the records sent)
 * keeps the records read so far.  The values are appended to a buffer,
 * each followed by a NUL byte.  Formats, as observed on the reference:
 * A dotted quad; AAAA "IPv6:" and eight uncompressed hex groups, or a
 * dotted quad for an IPv4-mapped address; names (CNAME, NS, PTR, and the
 * targets of MX, AFSDB, SRV) as dn_expand writes them, without the
 * trailing dot; TXT the first string of the record, up to a NUL byte,
 * non-printable bytes written as 'X'. */
#include "dns/dns.h"
#include "dns/dns_int.h"
#include <arpa/inet.h>
#include <netdb.h>
#include <stdint.h>
#include <string.h>

/* a name at rd (inside msg) as text; false if it does not expand */
static bool rr_name(const unsigned char *msg, const unsigned char *eom,
		    const unsigned char *rd, buf_t *out)
{
	char name[NS_MAXDNAME];

	if (rd >= eom || dn_expand(msg, eom, rd, name, sizeof name) < 0)
		return false;
	if (strcmp(name, ".") == 0)
		name[0] = '\0';
	return buf_adds(out, name) == 0;
}

static bool rr_aaaa(const unsigned char *rd, buf_t *out)
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	int i;

	if (memcmp(rd, mapped, sizeof mapped) == 0)
		return buf_printf(out, "%u.%u.%u.%u", rd[12], rd[13], rd[14], rd[15]) >= 0;
	if (buf_adds(out, "IPv6:") < 0)
		return false;
	for (i = 0; i < 8; i++)
		if (buf_printf(out, i ? ":%x" : "%x", ((unsigned)rd[2 * i] << 8) | rd[2 * i + 1]) < 0)
			return false;
	return true;
}

static bool rr_txt(const unsigned char *rd, unsigned rdlen, buf_t *out)
{
	unsigned n, i;

	if (rdlen < 1 || (unsigned)rd[0] + 1 > rdlen)
		return false;
	n = rd[0];
	for (i = 1; i <= n && rd[i] != '\0'; i++) {
		unsigned char c = rd[i];
		if (buf_addc(out, c >= 0x20 && c < 0x7f ? c : 'X') < 0)
			return false;
	}
	return true;
}

/* one record's rdata as text; false when it is malformed */
static bool rr_value(const unsigned char *msg, const unsigned char *eom, int type,
		     const unsigned char *rd, unsigned rdlen, buf_t *out)
{
	switch (type) {
	case ns_t_a:
		return rdlen >= 4 &&
		       buf_printf(out, "%u.%u.%u.%u", rd[0], rd[1], rd[2], rd[3]) >= 0;
	case ns_t_aaaa:
		return rdlen >= 16 && rr_aaaa(rd, out);
	case ns_t_cname: case ns_t_ns: case ns_t_ptr:
		return rr_name(msg, eom, rd, out);
	case ns_t_mx: case ns_t_afsdb:
		return rdlen >= 3 && rr_name(msg, eom, rd + 2, out);
	case ns_t_srv:
		return rdlen >= 7 && rr_name(msg, eom, rd + 6, out);
	case ns_t_txt:
		return rr_txt(rd, rdlen, out);
	default:
		return false;
	}
}

struct values {
	int type;
	buf_t *vals;
	int n;
};

static int value_rr(const struct dns_rdata *r, void *arg)
{
	struct values *v = arg;

	if (r->type != v->type)
		return 1;
	if (!rr_value(r->msg, r->eom, r->type, r->rd, r->rdlen, v->vals) ||
	    buf_addc(v->vals, '\0') < 0)
		return -1;
	v->n++;
	return 1;
}

int dns_answer_values(const unsigned char *msg, int len, int type, buf_t *vals)
{
	struct values v = { type, vals, 0 };
	size_t start = vals->len;

	if (dns_walk_answer(msg, len, value_rr, &v) < 0) {
		buf_truncate(vals, start);
		return -1;
	}
	return v.n;
}

int dns_lookup_values(const char *name, int type, int retrans, int retry, buf_t *vals)
{
	static unsigned char ans[DNS_ANSWER_MAX];
	res_state rs = dns_res();
	int save_retrans = rs->retrans, save_retry = rs->retry, n;

	if (retrans > 0)
		rs->retrans = retrans;
	if (retry > 0)
		rs->retry = retry;
	n = dns_search(name, type, ans, sizeof ans);
	rs->retrans = save_retrans;
	rs->retry = save_retry;
	if (n < 0)
		return dns_last_herrno() == TRY_AGAIN ? -DNS_EX_TEMPFAIL : -DNS_EX_NOHOST;
	n = dns_answer_values(ans, n, type, vals);
	return n < 0 ? -DNS_EX_NOHOST : n;
}
