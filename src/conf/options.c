/* options.c - O lines and -O/-o options: lookup, parsing, typed values.
 *
 * The behaviour (which values are accepted, what is reported and how)
 * was learnt by running the reference sendmail 8.17 on small cf files;
 * see options.h for the API and test/unit/test_options.c for examples.
 * Layout: legal words, the table, lookup, reporting, scalar values, the
 * per-option syntaxes (flag lists, users, port options, timeouts, Milter),
 * O-line parsing, defaults, access. */
#include "conf/options.h"
#include "lib/pwcache.h"
#include "lib/buf.h"
#include "lib/xalloc.h"
#include <arpa/inet.h>
#include <ctype.h>
#include <grp.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static void opt_report(optvals_t *ov, int kind, opt_errfn err, void *arg, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static int opt_set_special(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg);
static int opt_set_timeout(optvals_t *ov, const char *name, const char *v, opt_errfn err, void *arg);
static int opt_set_timeout_list(optvals_t *ov, const char *v, opt_errfn err, void *arg);
static int opt_set_queuetimeout(optvals_t *ov, const char *v, opt_errfn err, void *arg);
static int opt_set_milter(optvals_t *ov, const char *sub, const char *v, opt_errfn err, void *arg);

/* ------------------------------------------------------------ words */

static const char *const w_8bit[] = { "mimefy", "pass8", "strict", NULL };
static const char *const w_delivery[] = { "interactive", "background", "queue", "defer", NULL };
static const char *const w_errormode[] = { "print", "quiet", "mail", "write", "ezmlm", NULL };
static const char *const w_supersafe[] = { "False", "True", "Interactive", "PostMilter", NULL };
static const char *const w_qsort[] = { "filename", "host", "modification", "none", "priority",
	"random", "size", "time", NULL };
static const char *const w_norcpt[] = { "none", "add-to", "add-apparently-to", "add-bcc",
	"add-to-undisclosed", NULL };
static const char *const w_probe[] = { "False", "True", "loopback", NULL };
static const char *const w_privacy[] = { "public", "needmailhelo", "needexpnhelo", "noexpn",
	"needvrfyhelo", "novrfy", "noetrn", "noverb", "restrictmailq", "restrictqrun",
	"restrictexpand", "noreceipts", "nobodyreturn", "goaway", "authwarnings",
	"noactualrecipient", NULL };
static const char *const w_dbs[] = { "Safe", "AssumeSafeChown", "ClassFileInUnsafeDirPath",
	"DontWarnForwardFileInUnsafeDirPath", "ErrorHeaderInUnsafeDirPath",
	"FileDeliveryToHardLink", "FileDeliveryToSymLink", "ForwardFileInGroupWritableDirPath",
	"ForwardFileInUnsafeDirPath", "ForwardFileInUnsafeDirPathSafe", "GroupReadableKeyFile",
	"GroupReadableSASLDBFile", "GroupReadableDefaultAuthInfoFile", "GroupWritableAliasFile",
	"GroupWritableDirPathSafe", "GroupWritableForwardFile", "GroupWritableForwardFileSafe",
	"GroupWritableIncludeFile", "GroupWritableIncludeFileSafe", "GroupWritableSASLDBFile",
	"HelpFileInUnsafeDirPath", "IncludeFileInGroupWritableDirPath",
	"IncludeFileInUnsafeDirPath", "IncludeFileInUnsafeDirPathSafe", "InsufficientEntropy",
	"LinkedAliasFileInWritableDir", "LinkedClassFileInWritableDir",
	"LinkedForwardFileInWritableDir", "LinkedIncludeFileInWritableDir",
	"LinkedMapInWritableDir", "LinkedServiceSwitchFileInWritableDir", "MapInUnsafeDirPath",
	"NonRootSafeAddr", "RunProgramInUnsafeDirPath", "RunWritableProgram", "TrustStickyBit",
	"WorldWritableAliasFile", "WorldWritableForwardfile", "WorldWritableIncludefile",
	"WriteMapToHardLink", "WriteMapToSymLink", NULL };
static const char *const w_resolver[] = { "debug", "aaonly", "usevc", "primary", "igntc",
	"recurse", "defnames", "stayopen", "dnsrch", "use_edns0", "use_dnssec", "trustad",
	"HasWildcardMX", "WorkAroundBrokenAAAA", NULL };
static const char *const w_sslops[] = { "SSL_OP_ALL", "SSL_OP_NO_SSLv2", "SSL_OP_NO_SSLv3",
	"SSL_OP_NO_TLSv1", "SSL_OP_NO_TLSv1_1", "SSL_OP_NO_TLSv1_2", "SSL_OP_NO_TLSv1_3",
	"SSL_OP_NO_TICKET", "SSL_OP_TLSEXT_PADDING", "SSL_OP_MICROSOFT_SESS_ID_BUG",
	"SSL_OP_NETSCAPE_CHALLENGE_BUG", "SSL_OP_LEGACY_SERVER_CONNECT",
	"SSL_OP_NETSCAPE_REUSE_CIPHER_CHANGE_BUG", "SSL_OP_SSLREF2_REUSE_CERT_TYPE_BUG",
	"SSL_OP_MICROSOFT_BIG_SSLV3_BUFFER", "SSL_OP_MSIE_SSLV2_RSA_PADDING",
	"SSL_OP_SSLEAY_080_CLIENT_DH_BUG", "SSL_OP_TLS_D5_BUG", "SSL_OP_TLS_BLOCK_PADDING_BUG",
	"SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS", "SSL_OP_NO_QUERY_MTU", "SSL_OP_COOKIE_EXCHANGE",
	"SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION", "SSL_OP_NO_COMPRESSION",
	"SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION", "SSL_OP_SINGLE_ECDH_USE",
	"SSL_OP_SINGLE_DH_USE", "SSL_OP_EPHEMERAL_RSA", "SSL_OP_CIPHER_SERVER_PREFERENCE",
	"SSL_OP_TLS_ROLLBACK_BUG", "SSL_OP_PKCS1_CHECK_1", "SSL_OP_PKCS1_CHECK_2",
	"SSL_OP_NETSCAPE_CA_DN_BUG", "SSL_OP_NETSCAPE_DEMO_CIPHER_CHANGE_BUG",
	"SSL_OP_CRYPTOPRO_TLSEXT_BUG", "SSL_OP_NO_ENCRYPT_THEN_MAC", "SSL_OP_NO_RENEGOTIATION",
	"SSL_OP_ENABLE_MIDDLEBOX_COMPAT", "SSL_OP_PRIORITIZE_CHACHA", "SSL_OP_NO_ANTI_REPLAY",
	"SSL_OP_ALLOW_NO_DHE_KEX", NULL };
/* one-letter flags; ',' and blanks are accepted and ignored */
static const char *const w_authopts[] = { "A", "a", "c", "d", "f", "m", "p", "y", NULL };
static const char *const w_tlssrv[] = { "V", "C", NULL };
/* first letters of DaemonPortOptions/ClientPortOptions keys */
static const char *const w_portkeys[] = { "Addr", "children", "DeliveryMode", "delayLA",
	"Family", "InputMailFilters", "Listen", "Modifier", "Name", "Port", "queueLA",
	"RcvBufSize", "refuseLA", "SndBufSize", NULL };

/* ------------------------------------------------------------ table */

static const optdef_t table[] = {
	{ OPT_NONE, "", 0, OT_STR, NULL, 0, 0, NULL, 0, OF_HIDDEN },
#define X(id, name, c, type, dflt, unit, min, words, flags) \
	{ OPT_##id, name, c, type, dflt, min, 0, words, unit, flags },
#include "conf/options_list.h"
#undef X
};

#define NTABLE (sizeof table / sizeof table[0])

const optdef_t *opt_def(opt_id id)
{
	return (id > OPT_NONE && id < OPT__COUNT) ? &table[id] : NULL;
}

/* the first bytes agree ignoring case: a cheap test before strcasecmp
 * (every cf line and -O option searches the whole table) */
static bool same_initial(const char *a, const char *b)
{
	return tolower((unsigned char)a[0]) == tolower((unsigned char)b[0]);
}

const optdef_t *opt_find(const char *name)
{
	size_t i;
	for (i = 1; i < NTABLE; i++)
		if (table[i].name[0] && same_initial(table[i].name, name) &&
		    strcasecmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}

const optdef_t *opt_find_short(int c)
{
	size_t i;
	if (c <= 0)
		return NULL;
	for (i = 1; i < NTABLE; i++)
		if ((unsigned char)table[i].shortname == c)
			return &table[i];
	return NULL;
}

/* entries a long name (or a prefix of one) may select */
static bool is_base(const optdef_t *d)
{
	return d->name[0] && !(d->flags & (OF_SUB | OF_NOLONG | OF_HIDDEN | OF_EXT));
}

/* long name lookup as the reference does it: exact (any case) first, then a
 * unique prefix (with a warning); reports unknown and ambiguous names */
static const optdef_t *find_long(optvals_t *ov, const char *name, opt_errfn err, void *arg)
{
	const optdef_t *m[2] = { NULL, NULL };
	size_t i, len = strlen(name), n = 0;

	for (i = 1; i < NTABLE; i++)
		if ((is_base(&table[i]) || (table[i].flags & OF_EXT)) &&
		    same_initial(table[i].name, name) && strcasecmp(table[i].name, name) == 0)
			return &table[i];
	for (i = 1; i < NTABLE; i++) {
		if (!is_base(&table[i]) || strncasecmp(table[i].name, name, len) != 0)
			continue;
		if (n < 2)
			m[n] = &table[i];
		n++;
	}
	if (n == 0) {
		opt_report(ov, OMK_SYSERR, err, arg, "readcf: unknown option name %s", name);
		return NULL;
	}
	if (n > 1) {
		opt_report(ov, OMK_SYSERR, err, arg, "readcf: ambiguous option name %s (matches %s and %s)",
		           name, m[0]->name, m[1]->name);
		return NULL;
	}
	opt_report(ov, OMK_WARN, err, arg, "Option %s used as abbreviation for %s", name, m[0]->name);
	return m[0];
}

/* ------------------------------------------------------------ reporting */

static void opt_report(optvals_t *ov, int kind, opt_errfn err, void *arg, const char *fmt, ...)
{
	buf_t b = BUF_INIT(4096);
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	ov->msgkind = kind;
	if (kind == OMK_SYSERR || kind == OMK_USRERR || kind == OMK_FATAL)
		ov->nerrors++;
	if (kind == OMK_SYSERR && ov->exitstat == 0)
		ov->exitstat = 70;
	if (kind == OMK_FATAL)
		ov->exitstat = 64;
	if (err)
		err(buf_str(&b), arg);
	buf_free(&b);
}

/* ------------------------------------------------------------ scalars */

static bool opt_atobool(const char *v)
{
	return v[0] == '\0' || strchr("tTyY", v[0]) != NULL;
}

/* atoi()/atol() as the C library does them: no error, junk ignored */
static long opt_atol(const char *v)
{
	return strtol(v, NULL, 10);
}

static int opt_atoi(const char *v)
{
	return (int)strtol(v, NULL, 10);
}

static long unit_secs(int c)
{
	switch (c) {
	case 'w': return 7L * 24 * 60 * 60;
	case 'd': return 24L * 60 * 60;
	case 'h': return 60L * 60;
	case 'm': return 60;
	case 's': return 1;
	default: return 0;
	}
}

long opt_convtime_err(optvals_t *ov, const char *p, int unit, opt_errfn err, void *arg)
{
	unsigned long t = 0;
	bool neg = false;

	if (strcasecmp(p, "now") == 0)
		return OPT_TIME_NOW;
	if (*p == '-') {   /* a sign only at the very start */
		neg = true;
		p++;
	}
	while (*p) {
		unsigned long r = 0;
		int c;
		long mul;

		while (isascii((unsigned char)*p) && isdigit((unsigned char)*p))
			r = r * 10 + (unsigned long)(*p++ - '0');
		c = *p ? (unsigned char)*p++ : unit;
		mul = unit_secs(c);
		if (mul == 0) {
			if (ov)
				opt_report(ov, OMK_USRERR, err, arg, "Invalid time unit `%c'", c);
			mul = unit_secs(unit) ? unit_secs(unit) : 1;
		}
		t += r * (unsigned long)mul;
	}
	return (long)(neg ? 0UL - t : t);
}

long opt_convtime(const char *p, int unit)
{
	return opt_convtime_err(NULL, p, unit, NULL, NULL);
}

/* ------------------------------------------------------------ storage */

static void opt_store(optvals_t *ov, opt_id id, const char *raw, long num)
{
	if (!ov->numbers_only) {
		char *copy = xstrdup(raw);
		free(ov->raw[id]);
		ov->raw[id] = copy;
	}
	ov->num[id] = num;
	ov->set[id] = 1;
	if (ov->cmdline)
		ov->sticky[id] = 1;
}

/* the reference ignores a cf setting of an option given on the command line */
static bool opt_ignored(const optvals_t *ov, opt_id id)
{
	return !ov->cmdline && ov->sticky[id] && !(table[id].flags & OF_ACCUM);
}

/* "a "b" \c" -> a b c: what happens to SmtpGreetingMessage & co. */
static char *strip_quotes(const char *v)
{
	buf_t b = BUF_INIT(0);
	for (; *v; v++) {
		if (*v == '"')
			continue;
		if (*v == '\\') {
			if (v[1] == '\0')
				break;
			v++;
		}
		buf_addc(&b, *v);
	}
	return buf_steal(&b);
}

/* "a" + "b" -> "a,b" */
static char *join_list(const char *a, const char *b)
{
	buf_t j = BUF_INIT(0);

	buf_adds(&j, a);
	buf_addc(&j, ',');
	buf_adds(&j, b);
	return buf_steal(&j);
}

static int set_str(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	char *s = (d->flags & OF_QUOTES) ? strip_quotes(v) : xstrdup(v);

	if (d->id == OPT_AliasFile && ov->set[d->id] && ov->raw[d->id][0] != '\0') {
		/* every AliasFile setting adds its files to the list */
		char *both = join_list(ov->raw[d->id], s);
		free(s);
		s = both;
	}
	if (d->id == OPT_OperatorChars && (ov->set[d->id] || ov->rules_seen))
		opt_report(ov, OMK_NOTE, err, arg, "Warning: OperatorChars is being redefined.\n"
		           "         It should only be set before ruleset definitions.");
	opt_store(ov, d->id, s, 0);
	free(s);
	return OPT_OK;
}

static int set_bool(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	bool b = opt_atobool(v);

	opt_store(ov, d->id, v, b);
	if (d->id != OPT_SmtpUTF8)
		return OPT_OK;
	/* the reference is built without EAI */
	if (b) {
		opt_report(ov, OMK_SYSERR, err, arg, "readcf: option: SmtpUTF8 set but no USE_EAI support");
		return OPT_ERR;
	}
	opt_report(ov, OMK_NOTE, err, arg, "Warning: Option: SmtpUTF8 requires USE_EAI support");
	return OPT_OK;
}

static int set_int(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	long n = d->type == OT_INT ? opt_atoi(v) : opt_atol(v);

	opt_store(ov, d->id, v, n);
	if (d->id == OPT_MaxHeadersLength && n > 0 && n < d->min)
		opt_report(ov, OMK_NOTE, err, arg,
		           "Warning: MaxHeadersLength: headers length limit set lower than %ld", d->min);
	return OPT_OK;
}

static int set_scalar(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	switch (d->type) {
	case OT_BOOL:
		return set_bool(ov, d, v, err, arg);
	case OT_INT:
	case OT_SIZE:
		return set_int(ov, d, v, err, arg);
	case OT_TIME:
		opt_store(ov, d->id, v, opt_convtime_err(ov, v, d->unit, err, arg));
		return OPT_OK;
	case OT_MODE:
		opt_store(ov, d->id, v, strtol(v, NULL, 8));
		return OPT_OK;
	case OT_CHAR:
		opt_store(ov, d->id, v, (unsigned char)v[0]);
		return OPT_OK;
	default:
		return set_str(ov, d, v, err, arg);
	}
}

int opt_set(optvals_t *ov, const optdef_t *d, const char *value, opt_errfn err, void *arg)
{
	if (d == NULL || d->id <= OPT_NONE || d->id >= OPT__COUNT)
		return OPT_ERR;
	if (value == NULL)
		value = "";
	if (d->id == OPT_Macro)
		return OPT_MACRO;
	if (d->id == OPT_Timeout)
		return opt_set_timeout_list(ov, value, err, arg);
	if (d->id == OPT_QueueTimeout)
		return opt_set_queuetimeout(ov, value, err, arg);
	if (d->id == OPT_Milter)
		return opt_set_milter(ov, NULL, value, err, arg);
	if ((d->flags & OF_SUB) && strncasecmp(d->name, "Timeout.", 8) == 0)
		return opt_set_timeout(ov, d->name + 8, value, err, arg);
	if (opt_ignored(ov, d->id))
		return OPT_OK;
	if (d->type == OT_ENUM || d->type == OT_FLAGS || d->type == OT_SPECIAL)
		return opt_set_special(ov, d, value, err, arg);
	return set_scalar(ov, d, value, err, arg);
}

/* ------------------------------------------------------------ enums */

static int word_index(const char *const *words, const char *w)
{
	int i;
	for (i = 0; words[i]; i++)
		if (strcasecmp(words[i], w) == 0)
			return i;
	return -1;
}

/* DeliveryMode: only the first letter counts; "" is interactive */
static int set_delivery(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	if (v[0] != '\0' && strchr("ibqd", v[0]) == NULL) {
		opt_report(ov, OMK_FATAL, err, arg, "Unknown delivery mode %c", v[0]);
		return OPT_FATAL;
	}
	opt_store(ov, d->id, v, v[0] ? v[0] : 'i');
	return OPT_OK;
}

static int set_8bit(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	if (v[0] == '\0' || strchr("mps", v[0]) == NULL) {
		opt_report(ov, OMK_FATAL, err, arg, "Unknown 8-bit mode %.1s", v);
		return OPT_FATAL;
	}
	opt_store(ov, d->id, v, v[0]);
	return OPT_OK;
}

static int set_qsort(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	int c = tolower((unsigned char)v[0]);

	if (c == '\0' || strchr("fhmnprst", c) == NULL) {
		opt_report(ov, OMK_SYSERR, err, arg, "Invalid queue sort order \"%s\"", v);
		return OPT_ERR;
	}
	opt_store(ov, d->id, v, c);
	return OPT_OK;
}

static int set_norcpt(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	int i = word_index(d->words, v);

	if (i < 0) {
		opt_report(ov, OMK_SYSERR, err, arg, "Invalid NoRecipientAction: %s", v);
		return OPT_ERR;
	}
	opt_store(ov, d->id, v, i);
	return OPT_OK;
}

static int set_enum(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	long n;

	switch (d->id) {
	case OPT_DeliveryMode:
		return set_delivery(ov, d, v, err, arg);
	case OPT_EightBitMode:
		return set_8bit(ov, d, v, err, arg);
	case OPT_QueueSortOrder:
		return set_qsort(ov, d, v, err, arg);
	case OPT_NoRecipientAction:
		return set_norcpt(ov, d, v, err, arg);
	case OPT_SuperSafe:
		if (v[0] == 'i' || v[0] == 'I')
			n = OPT_SS_INTERACTIVE;
		else if (v[0] == 'p' || v[0] == 'P')
			n = OPT_SS_POSTMILTER;
		else
			n = opt_atobool(v);
		break;
	case OPT_DontProbeInterfaces:
		n = strcasecmp(v, "loopback") == 0 ? OPT_DPI_LOOPBACK : opt_atobool(v);
		break;
	default:   /* ErrorMode: the reference takes any letter */
		n = (unsigned char)v[0];
		break;
	}
	opt_store(ov, d->id, v, n);
	return OPT_OK;
}

/* ------------------------------------------------------------ word lists */

static const long priv_bits[] = {
	0, PRIV_NEEDMAILHELO, PRIV_NEEDEXPNHELO, PRIV_NOEXPN | PRIV_NOVERB, PRIV_NEEDVRFYHELO,
	PRIV_NOVRFY, PRIV_NOETRN, PRIV_NOVERB, PRIV_RESTRICTMAILQ, PRIV_RESTRICTQRUN,
	PRIV_RESTRICTEXPAND, PRIV_NORECEIPTS, PRIV_NOBODYRETN, PRIV_GOAWAY, PRIV_AUTHWARNINGS,
	PRIV_NOACTUALRECIPIENT
};

static long word_bits(const optdef_t *d, int i)
{
	if (d->id == OPT_PrivacyOptions)
		return priv_bits[i];
	return i == 0 ? 0 : 1L << (i - 1);   /* DontBlameSendmail: "Safe" is none */
}

/* PrivacyOptions, DontBlameSendmail: words are runs of letters and digits;
 * the character after a word is dropped, whatever it is */
static int set_wordlist(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	char *copy = xstrdup(v), *p = copy, *w;
	long bits = (d->flags & OF_ACCUM) ? ov->num[d->id] : 0;
	int rc = OPT_OK, i;

	while (*p) {
		while (*p && isascii((unsigned char)*p) && !isalnum((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		w = p;
		while (isascii((unsigned char)*p) && isalnum((unsigned char)*p))
			p++;
		if (*p)
			*p++ = '\0';
		if ((i = word_index(d->words, w)) >= 0) {
			bits |= word_bits(d, i);
			continue;
		}
		if (d->id == OPT_PrivacyOptions)
			opt_report(ov, OMK_SYSERR, err, arg, "readcf: Op line: %s unrecognized", w);
		else
			opt_report(ov, OMK_SYSERR, err, arg, "readcf: DontBlameSendmail option: %s unrecognized", w);
		rc = OPT_ERR;
	}
	free(copy);
	opt_store(ov, d->id, v, bits);
	return rc;
}

/* ResolverOptions: blank-separated [+-]word */
static int set_resolver(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	char *copy = xstrdup(v), *w, *save = NULL;
	long bits = 0;
	int rc = OPT_OK, i;

	for (w = strtok_r(copy, " \t\n\r\f\v", &save); w; w = strtok_r(NULL, " \t\n\r\f\v", &save)) {
		bool clear = *w == '-';
		if (*w == '+' || *w == '-')
			w++;
		if ((i = word_index(d->words, w)) < 0) {
			opt_report(ov, OMK_SYSERR, err, arg, "readcf: I option value %s unrecognized", w);
			rc = OPT_ERR;
		} else if (clear)
			bits &= ~(1L << i);
		else
			bits |= 1L << i;
	}
	free(copy);
	opt_store(ov, d->id, v, bits);
	return rc;
}

/* ServerSSLOptions, ClientSSLOptions: words separated by blanks or one
 * comma, each [+-]SSL_OP_NAME or a number */
static int set_sslops(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	char *copy = xstrdup(v), *p = copy, *w;
	int rc = OPT_OK;

	for (;;) {
		while (isascii((unsigned char)*p) && isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		w = p;
		while (*p && *p != ',' && !(isascii((unsigned char)*p) && isspace((unsigned char)*p)))
			p++;
		if (*p)
			*p++ = '\0';
		if (*w == '+' || *w == '-')
			w++;
		if (isdigit((unsigned char)*w) || word_index(d->words, w) >= 0)
			continue;
		opt_report(ov, OMK_SYSERR, err, arg, "readcf: %s option value %s unrecognized", d->name, w);
		rc = OPT_ERR;
	}
	free(copy);
	opt_store(ov, d->id, v, 0);
	return rc;
}

/* AuthOptions, TLSSrvOptions: letters; after each one the reference skips
 * to just past the next blank or comma */
static bool letter_ok(const char *const *words, int c)
{
	int i;
	for (i = 0; words[i]; i++)
		if (words[i][0] == c)
			return true;
	return c == ',' || c == ' ' || c == '\t';
}

static int set_letters(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	const char *p = v;

	while (p && *p) {
		if (!letter_ok(d->words, (unsigned char)*p))
			opt_report(ov, OMK_NOTE, err, arg, "Warning: Option: %s unknown parameter '%c'",
			           d->name, *p);
		p = strpbrk(p + 1, " ,");
		if (p)
			p++;
	}
	opt_store(ov, d->id, v, 0);
	return OPT_OK;
}

static int set_flags(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	switch (d->id) {
	case OPT_PrivacyOptions:
	case OPT_DontBlameSendmail:
		return set_wordlist(ov, d, v, err, arg);
	case OPT_ResolverOptions:
		return set_resolver(ov, d, v, err, arg);
	case OPT_ServerSSLOptions:
	case OPT_ClientSSLOptions:
		return set_sslops(ov, d, v, err, arg);
	default:
		return set_letters(ov, d, v, err, arg);
	}
}

/* ------------------------------------------------------------ two numbers */

/* MinFreeBlocks "N[/M]": M is MaxMessageSize */
static int set_minfree(optvals_t *ov, const optdef_t *d, const char *v)
{
	const char *slash = strchr(v, '/');

	opt_store(ov, d->id, v, opt_atol(v));
	if (slash && !opt_ignored(ov, OPT_MaxMessageSize))
		opt_store(ov, OPT_MaxMessageSize, slash + 1, opt_atol(slash + 1));
	return OPT_OK;
}

/* MaxMimeHeaderLength "N[/M]": M defaults to N/2 */
static int set_mimelen(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	const char *slash = strchr(v, '/');
	int n = opt_atoi(v), m = slash ? opt_atoi(slash + 1) : n / 2;

	opt_store(ov, d->id, v, n);
	opt_store(ov, OPT_MaxMimeFieldLength, slash ? slash + 1 : "", m);
	if (n > 0 && n < d->min)
		opt_report(ov, OMK_NOTE, err, arg,
		           "Warning: MaxMimeHeaderLength: header length limit set lower than %ld", d->min);
	if (m > 0 && m < 40)
		opt_report(ov, OMK_NOTE, err, arg,
		           "Warning: MaxMimeHeaderLength: field length limit set lower than 40");
	return OPT_OK;
}

/* ------------------------------------------------------------ users */

static const char *user_tag(const optdef_t *d)
{
	return d->id == OPT_DefaultUser ? "u" : d->id == OPT_DefaultGroup ? "g" : d->name;
}

static bool lookup_group(const char *g, long *gid)
{
	struct group *gr;

	if (isdigit((unsigned char)*g)) {
		*gid = opt_atoi(g);
		return true;
	}
	if ((gr = getgrnam(g)) == NULL)
		return false;
	*gid = gr->gr_gid;
	return true;
}

/* "g": a group name or number */
static int set_group(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	long gid;

	if (!lookup_group(v, &gid)) {
		opt_report(ov, OMK_SYSERR, err, arg, "readcf: option g: unknown group %s", v);
		return OPT_ERR;
	}
	opt_store(ov, d->id, v, gid);
	return OPT_OK;
}

/* DefaultUser, RunAsUser "user[:group]"; TrustedUser "user" */
static int set_user(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	opt_id gid_id = d->id == OPT_DefaultUser ? OPT_DefaultGroup : OPT_RunAsGroup;
	const char *colon = d->id == OPT_TrustedUser ? NULL : strchr(v, ':');
	char *user = colon ? xstrndup(v, (size_t)(colon - v)) : xstrdup(v);
	long uid = 0, gid = -1;
	struct passwd *pw = NULL;
	int rc = OPT_OK;

	if (isdigit((unsigned char)*user))
		uid = opt_atoi(user);
	else if ((pw = pwc_getpwnam(user)) != NULL) {
		uid = pw->pw_uid;
		gid = pw->pw_gid;
	} else {
		opt_report(ov, OMK_SYSERR, err, arg, "readcf: option %s: unknown user %s", user_tag(d), user);
		rc = OPT_ERR;
	}
	if (rc == OPT_OK && colon && colon[1] && !lookup_group(colon + 1, &gid)) {
		opt_report(ov, OMK_SYSERR, err, arg, "readcf: option %s: unknown group %s", user_tag(d),
		           colon + 1);
		rc = OPT_ERR;
	}
	if (rc == OPT_OK) {
		opt_store(ov, d->id, v, uid);
		if (gid >= 0 && d->id != OPT_TrustedUser && !opt_ignored(ov, gid_id)) {
			char num[32];
			snprintf(num, sizeof num, "%ld", gid);
			opt_store(ov, gid_id, num, gid);
		}
	}
	free(user);
	return rc;
}

/* ------------------------------------------------------------ addresses */

static bool is_ipv6(const char *s)
{
	struct in6_addr a6;
	return inet_pton(AF_INET6, s, &a6) == 1;
}

static int set_connectonlyto(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	struct in_addr a4;
	bool ok;

	if (strncasecmp(v, "IPv6:", 5) == 0)
		ok = is_ipv6(v + 5);
	else
		ok = inet_aton(v, &a4) != 0 || is_ipv6(v);
	if (!ok) {
		opt_report(ov, OMK_SYSERR, err, arg, "readcf: option ConnectOnlyTo: invalid IP address %s", v);
		return OPT_ERR;
	}
	opt_store(ov, d->id, v, 0);
	return OPT_OK;
}

/* LDAPDefaultSpec: ldap map flags every ldap map starts from; the
 * search filter (-k) and the attributes (-v) belong to each map */
static int set_ldapspec(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	const char *p;
	bool in_quote = false;

	for (p = v; *p; p++) {
		if (*p == '"')
			in_quote = !in_quote;
		if (in_quote || *p != '-' || (p > v && p[-1] != ' ' && p[-1] != '\t'))
			continue;
		if (p[1] == 'k')
			opt_report(ov, OMK_SYSERR, err, arg,
				   "readcf: option LDAPDefaultSpec: Do not set the LDAP search filter");
		else if (p[1] == 'v')
			opt_report(ov, OMK_SYSERR, err, arg,
				   "readcf: option LDAPDefaultSpec: Do not set the requested LDAP attributes");
	}
	opt_store(ov, d->id, v, 0);
	return OPT_OK;
}

static bool host_known(const char *h, int family)
{
	struct addrinfo hints, *res = NULL;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = family;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(h, NULL, &hints, &res) != 0)
		return false;
	freeaddrinfo(res);
	return true;
}

static int port_family(const char *v)
{
	if (strcasecmp(v, "inet") == 0)
		return AF_INET;
	if (strcasecmp(v, "inet6") == 0)
		return AF_INET6;
	if (strcasecmp(v, "local") == 0 || strcasecmp(v, "unix") == 0)
		return AF_UNIX;
	if (isdigit((unsigned char)*v))
		return opt_atoi(v);
	return -1;
}

/* one "key=value" of DaemonPortOptions/ClientPortOptions; family is the
 * address family in force so far */
static bool port_item(optvals_t *ov, const char *item, const char *val, int *family,
                      opt_errfn err, void *arg)
{
	struct in_addr a4;

	switch (*item) {
	case 'A': case 'a':
		if (*family == AF_UNIX || (*family == AF_INET && inet_aton(val, &a4))
		    || (*family == AF_INET6 && is_ipv6(val)) || host_known(val, *family))
			return true;
		opt_report(ov, OMK_SYSERR, err, arg, "host \"%s\" unknown", val);
		return false;
	case 'F': case 'f':
		if ((*family = port_family(val)) >= 0)
			return true;
		*family = AF_INET;
		opt_report(ov, OMK_SYSERR, err, arg, "Unknown address family %s in Family=option", val);
		return false;
	case 'P': case 'p':
		if (isdigit((unsigned char)*val) || getservbyname(val, "tcp") != NULL)
			return true;
		opt_report(ov, OMK_SYSERR, err, arg, "service \"%s\" unknown", val);
		return false;
	case 'D':
		if (*val && strchr("ibqd", *val))
			return true;
		opt_report(ov, OMK_SYSERR, err, arg, "Unknown delivery mode %.1s", val);
		return false;
	case 'c': case 'd': case 'I': case 'i': case 'L': case 'l': case 'M': case 'm':
	case 'N': case 'n': case 'q': case 'R': case 'r': case 'S': case 's':
		return true;
	default:
		opt_report(ov, OMK_SYSERR, err, arg, "PortOptions parameter \"%s=%s\" unknown", item, val);
		return false;
	}
}

/* "Name=MSA, Port=587, M=Ea": each setting adds one daemon/client family;
 * raw keeps them all, one per line; num counts them */
static int set_portopts(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	char *copy = xstrdup(v), *item, *save = NULL;
	int family = AF_INET, rc = OPT_OK;
	buf_t all = BUF_INIT(0);

	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char *eq;
		while (isascii((unsigned char)*item) && isspace((unsigned char)*item))
			item++;
		if (*item == '\0' || (eq = strchr(item, '=')) == NULL)
			continue;
		*eq++ = '\0';
		while (isascii((unsigned char)*eq) && isspace((unsigned char)*eq))
			eq++;
		if (!port_item(ov, item, eq, &family, err, arg))
			rc = OPT_ERR;
	}
	free(copy);
	if (ov->set[d->id])
		buf_printf(&all, "%s\n", ov->raw[d->id]);
	buf_adds(&all, v);
	opt_store(ov, d->id, buf_str(&all), ov->num[d->id] + 1);
	buf_free(&all);
	return rc;
}

/* ------------------------------------------------------------ timeouts */

/* the Timeout.x entries a setting of x assigns */
static int timeout_targets(const char *name, opt_id ids[5])
{
	char full[64];
	const optdef_t *d;
	static const char *const groups[] = { "queuereturn", "queuewarn", NULL };
	int i, n = 0;

	if (strlen(name) >= sizeof full - 16)
		return 0;
	snprintf(full, sizeof full, "Timeout.%s", name);
	d = opt_find(full);
	if (d == NULL || !(d->flags & OF_SUB))
		return 0;
	ids[n++] = d->id;
	for (i = 0; groups[i]; i++)
		if (strcasecmp(name, groups[i]) == 0) {
			ids[n++] = (opt_id)(d->id + 1);   /* .normal .urgent .non-urgent .dsn */
			ids[n++] = (opt_id)(d->id + 2);
			ids[n++] = (opt_id)(d->id + 3);
			ids[n++] = (opt_id)(d->id + 4);
		}
	if (strcasecmp(name, "resolver.retrans") == 0 || strcasecmp(name, "resolver.retry") == 0) {
		ids[n++] = (opt_id)(d->id + 1);   /* .first .normal */
		ids[n++] = (opt_id)(d->id + 2);
	}
	return n;
}

/* settimeout: the reference converts with minutes first (and reports bad
 * units then), and again with the sub-option's own unit */
static int opt_set_timeout(optvals_t *ov, const char *name, const char *v, opt_errfn err, void *arg)
{
	opt_id ids[5];
	int n = timeout_targets(name, ids), i;
	const optdef_t *d;
	long t;

	if (n == 0) {
		opt_report(ov, OMK_SYSERR, err, arg, "settimeout: invalid timeout %s", name);
		return OPT_ERR;
	}
	d = &table[ids[0]];
	if (opt_ignored(ov, ids[0]))
		return OPT_OK;
	t = opt_convtime_err(ov, v, 'm', err, arg);
	if (d->type == OT_INT)
		t = opt_atoi(v);
	else if (d->unit != 'm')
		t = opt_convtime_err(ov, v, d->unit, err, arg);
	for (i = 0; i < n; i++)
		opt_store(ov, ids[i], v, t);
	return OPT_OK;
}

/* the group assigned by a bare Timeout value (old r option) */
static const char *const star_timeouts[] = {
	"mail", "rcpt", "datainit", "datablock", "datafinal", "command", NULL
};

/* store t for every target of Timeout.name the command line left alone */
static void store_timeout(optvals_t *ov, const char *name, const char *v, long t)
{
	opt_id ids[5];
	int n = timeout_targets(name, ids), i;

	if (n > 0 && !opt_ignored(ov, ids[0]))
		for (i = 0; i < n; i++)
			opt_store(ov, ids[i], v, t);
}

/* "Timeout=5m" or "Timeout=initial=5m,helo=3m" (old r option) */
static int opt_set_timeout_list(optvals_t *ov, const char *v, opt_errfn err, void *arg)
{
	char *copy = xstrdup(v), *item, *save = NULL;
	int rc = OPT_OK, i;

	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char *eq;
		long t;
		while (isascii((unsigned char)*item) && isspace((unsigned char)*item))
			item++;
		if (*item == '\0')
			continue;
		if ((eq = strchr(item, '=')) != NULL) {
			*eq++ = '\0';
			if (opt_set_timeout(ov, item, eq, err, arg) != OPT_OK)
				rc = OPT_ERR;
			continue;
		}
		if (!isdigit((unsigned char)*item))
			continue;   /* neither "name=value" nor a time: ignored */
		t = opt_convtime_err(ov, item, 'm', err, arg);
		for (i = 0; star_timeouts[i]; i++)
			store_timeout(ov, star_timeouts[i], item, t);
	}
	free(copy);
	return rc;
}

/* QueueTimeout (old T option): "return[/warn]" */
static int opt_set_queuetimeout(optvals_t *ov, const char *v, opt_errfn err, void *arg)
{
	const char *slash = strchr(v, '/');
	char *ret = slash ? xstrndup(v, (size_t)(slash - v)) : xstrdup(v);
	int rc = OPT_OK;

	if (slash && opt_set_timeout(ov, "queuewarn", slash + 1, err, arg) != OPT_OK)
		rc = OPT_ERR;
	if (opt_set_timeout(ov, "queuereturn", ret, err, arg) != OPT_OK)
		rc = OPT_ERR;
	free(ret);
	return rc;
}

/* ------------------------------------------------------------ Milter */

static int opt_set_milter(optvals_t *ov, const char *sub, const char *v, opt_errfn err, void *arg)
{
	char full[128];
	const optdef_t *d;

	if (sub == NULL) {
		opt_report(ov, OMK_SYSERR, err, arg,
		           "milter_set_option: invalid Milter option, must specify suboption");
		return OPT_ERR;
	}
	snprintf(full, sizeof full, "Milter.%s", sub);
	d = strlen(sub) < 64 ? opt_find(full) : NULL;
	if (d == NULL || !(d->flags & OF_SUB)) {
		opt_report(ov, OMK_SYSERR, err, arg, "milter_set_option: invalid Milter option %s", sub);
		return OPT_ERR;
	}
	if (opt_ignored(ov, d->id))
		return OPT_OK;
	return set_scalar(ov, d, v, err, arg);
}

/* ------------------------------------------------------------ dispatch */

static int opt_set_special(optvals_t *ov, const optdef_t *d, const char *v, opt_errfn err, void *arg)
{
	if (d->type == OT_ENUM)
		return set_enum(ov, d, v, err, arg);
	if (d->type == OT_FLAGS)
		return set_flags(ov, d, v, err, arg);
	switch (d->id) {
	case OPT_MinFreeBlocks:
		return set_minfree(ov, d, v);
	case OPT_MaxMimeHeaderLength:
		return set_mimelen(ov, d, v, err, arg);
	case OPT_DefaultUser:
	case OPT_RunAsUser:
	case OPT_TrustedUser:
		return set_user(ov, d, v, err, arg);
	case OPT_DefaultGroup:
		return set_group(ov, d, v, err, arg);
	case OPT_ConnectOnlyTo:
		return set_connectonlyto(ov, d, v, err, arg);
	case OPT_LDAPDefaultSpec:
		return set_ldapspec(ov, d, v, err, arg);
	case OPT_DaemonPortOptions:
	case OPT_ClientPortOptions:
		return set_portopts(ov, d, v, err, arg);
	default:
		return set_str(ov, d, v, err, arg);
	}
}

/* ------------------------------------------------------------ O lines */

/* " Name[.sub][=value]" */
static int set_long(optvals_t *ov, const char *p, opt_errfn err, void *arg)
{
	const char *eq = strchr(p, '='), *v = "";
	char *name, *sub;
	const optdef_t *d;
	size_t n;
	int rc;

	if (*p == '=') {
		opt_report(ov, OMK_SYSERR, err, arg, "readcf: null option name");
		return OPT_ERR;
	}
	n = eq ? (size_t)(eq - p) : strlen(p);
	while (n > 0 && isascii((unsigned char)p[n - 1]) && isspace((unsigned char)p[n - 1]))
		n--;
	name = xstrndup(p, n);
	if (eq) {
		v = eq + 1;
		while (isascii((unsigned char)*v) && isspace((unsigned char)*v))
			v++;
	}
	sub = strchr(name, '.');
	if (sub)
		*sub++ = '\0';
	d = find_long(ov, name, err, arg);
	if (d == NULL)
		rc = OPT_ERR;
	else if (d->id == OPT_Timeout && sub)
		rc = opt_set_timeout(ov, sub, v, err, arg);
	else if (d->id == OPT_Milter)
		rc = opt_set_milter(ov, sub, v, err, arg);
	else
		rc = opt_set(ov, d, v, err, arg);   /* other options ignore ".sub" */
	free(name);
	return rc;
}

int opt_set_line(optvals_t *ov, const char *body, opt_errfn err, void *arg)
{
	const optdef_t *d;
	int c;

	if (body == NULL)
		body = "";
	if (body[0] == ' ')
		return set_long(ov, body + 1, err, arg);
	c = (unsigned char)body[0];
	if (c == 'M')
		return OPT_MACRO;
	d = opt_find_short(c);
	if (d == NULL) {
		opt_report(ov, OMK_SYSERR, err, arg, "readcf: unknown option name 0x%x", (unsigned)c);
		return OPT_ERR;
	}
	return opt_set(ov, d, body + 1, err, arg);
}

/* ------------------------------------------------------------ defaults */

/* parse the default exactly as a setting would, without messages; one
 * scratch set serves every default (each sets only its own entry): a fresh
 * one per option cost a 3.6 KB calloc and 200 frees, 127 times a start-up */
static long default_num(optvals_t *scratch, const optdef_t *d)
{
	if (d->type == OT_ENUM || d->type == OT_FLAGS || d->type == OT_SPECIAL)
		opt_set_special(scratch, d, d->dflt, NULL, NULL);
	else
		set_scalar(scratch, d, d->dflt, NULL, NULL);
	return scratch->num[d->id];
}

static void compute_defaults(long *dflt)
{
	optvals_t *scratch = xcalloc(1, sizeof *scratch);
	size_t i;

	scratch->numbers_only = true;   /* each option is set once here */
	for (i = 1; i < NTABLE; i++)
		if (table[i].dflt)
			dflt[i] = default_num(scratch, &table[i]);
	opt_free(scratch);
	free(scratch);
}

void opt_init(optvals_t *ov)
{
	static long dflt[OPT__COUNT];
	static bool done;
	long ncpu;

	if (!done) {
		compute_defaults(dflt);
		done = true;
	}
	memset(ov, 0, sizeof *ov);
	memcpy(ov->num, dflt, sizeof ov->num);
	/* "8 (12) multiplied by the number of processors online" */
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	if (ncpu < 1)
		ncpu = 1;
	ov->num[OPT_QueueLA] = 8 * ncpu;
	ov->num[OPT_RefuseLA] = 12 * ncpu;
}

void opt_free(optvals_t *ov)
{
	size_t i;
	for (i = 0; i < OPT__COUNT; i++)
		free(ov->raw[i]);
	memset(ov, 0, sizeof *ov);
}

/* ------------------------------------------------------------ after the cf */

void opt_finish(optvals_t *ov, opt_errfn err, void *arg)
{
	if (opt_num(ov, OPT_SingleThreadDelivery) && opt_str(ov, OPT_HostStatusDirectory) == NULL)
		opt_report(ov, OMK_NOTE, err, arg,
		           "Warning: HostStatusDirectory required for SingleThreadDelivery");
	if (opt_num(ov, OPT_SuperSafe) == OPT_SS_INTERACTIVE && opt_num(ov, OPT_DeliveryMode) != 'i')
		opt_report(ov, OMK_NOTE, err, arg, "WARNING: SuperSafe=interactive should only be used with\n"
		           "         DeliveryMode=interactive");
}

/* ------------------------------------------------------------ access */

bool opt_is_set(const optvals_t *ov, opt_id id)
{
	return id > OPT_NONE && id < OPT__COUNT && ov->set[id];
}

const char *opt_str(const optvals_t *ov, opt_id id)
{
	if (id <= OPT_NONE || id >= OPT__COUNT)
		return NULL;
	if (ov->set[id])
		return ov->raw[id];
	return table[id].dflt;
}

long opt_num(const optvals_t *ov, opt_id id)
{
	return (id > OPT_NONE && id < OPT__COUNT) ? ov->num[id] : 0;
}

bool opt_bool(const optvals_t *ov, opt_id id)
{
	return opt_num(ov, id) != 0;
}
