/* test_options.c - the option table and O-line parsing.
 *
 * Expected messages are the reference sendmail 8.17's, recorded by running
 * it on one-line cf files (the "file: line N: " prefix is the caller's). */
#include "tap.h"
#include "conf/options.h"
#include <string.h>

static optvals_t ov;
static char msgs[2048];
static int nmsgs;
static int lastkind;

static void err(const char *msg, void *arg)
{
	size_t n = strlen(msgs);
	(void)arg;
	snprintf(msgs + n, sizeof msgs - n, "%s%s", nmsgs ? "|" : "", msg);
	nmsgs++;
	lastkind = ov.msgkind;
}

/* fresh values, one O line body, messages joined with '|' */
static int line(const char *body)
{
	opt_free(&ov);
	opt_init(&ov);
	msgs[0] = '\0';
	nmsgs = 0;
	lastkind = 0;
	return opt_set_line(&ov, body, err, NULL);
}

static void test_lookup(void)
{
	ok(opt_find("aliasfile") == opt_find("AliasFile"), "long names ignore case");
	ok(opt_find_short('A') == opt_find("AliasFile"), "A is AliasFile");
	ok(opt_find_short('u') == opt_find("DefaultUser"), "u is DefaultUser");
	ok(opt_find_short('r') == opt_find("Timeout"), "r is Timeout");
	ok(opt_find_short('D') == NULL, "no D option in 8.17");
	ok(opt_find_short(0) == NULL, "no option 0");
	ok(opt_find("Timeout.queuewarn.non-urgent") != NULL, "each Timeout.x has an entry");
	ok(opt_find("AutoRebuildAliases") == NULL, "obsolete options are gone");
	is_int(opt_find("MaxMessageSize")->type, OT_SIZE, "MaxMessageSize is a size");
	is_str(opt_def(OPT_LogLevel)->dflt, "9", "LogLevel defaults to 9");
}

static void test_names(void)
{
	is_int(line(" NoSuchOption=1"), OPT_ERR, "unknown long name");
	is_str(msgs, "readcf: unknown option name NoSuchOption", "  reference wording");
	is_int(lastkind, OMK_SYSERR, "  a syserr");
	is_int(ov.exitstat, 70, "  exit status EX_SOFTWARE");
	line(" LogLevel 5");
	is_str(msgs, "readcf: unknown option name LogLevel 5", "no '=': the name runs to the end");
	line("  LogLevel=5");
	is_str(msgs, "readcf: unknown option name  LogLevel", "a second blank is part of the name");
	line(" Foo.bar=1");
	is_str(msgs, "readcf: unknown option name Foo", "the name stops at '.'");
	line("W1");
	is_str(msgs, "readcf: unknown option name 0x57", "unknown letter in hex");
	line("");
	is_str(msgs, "readcf: unknown option name 0x0", "bare O");
	line(" =5");
	is_str(msgs, "readcf: null option name", "null name");
	line(" De=1");
	is_str(msgs, "readcf: ambiguous option name De (matches DeliveryMode and DefaultUser)",
	       "ambiguous prefix, first two in table order");
	line(" M=5");
	is_str(msgs, "readcf: ambiguous option name M (matches MinFreeBlocks and MatchGECOS)",
	       "one-letter long name is a prefix");
	is_int(line(" Log=5"), OPT_OK, "unique prefix accepted");
	is_str(msgs, "Option Log used as abbreviation for LogLevel", "  with a warning");
	is_int(lastkind, OMK_WARN, "  prefixed warning, no status");
	is_int(opt_num(&ov, OPT_LogLevel), 5, "  and sets LogLevel");
	line(" x=1");
	is_str(msgs, "Option x used as abbreviation for XscriptFileBufferSize", "x is not QueueLA");
	is_int(line(" sharedmemorykey=7"), OPT_OK, "exact match beats longer names");
	is_int(nmsgs, 0, "  silently");
	is_int(line("Mxhello"), OPT_MACRO, "OM is left to the caller");
}

static void test_values(void)
{
	line(" LogLevel = 12");
	is_int(opt_num(&ov, OPT_LogLevel), 12, "blanks around '=' dropped");
	line("L 7");
	is_str(opt_str(&ov, OPT_LogLevel), " 7", "one-letter value taken verbatim");
	line(" MaxHopCount=abc");
	ok(nmsgs == 0 && opt_num(&ov, OPT_MaxHopCount) == 0, "numbers: atoi, no error");
	line(" MaxMessageSize=10k");
	is_int(opt_num(&ov, OPT_MaxMessageSize), 10, "no size suffixes");
	line(" ColonOkInAddr=1");
	ok(!opt_bool(&ov, OPT_ColonOkInAddr), "boolean 1 is false");
	line(" ColonOkInAddr=yes");
	ok(opt_bool(&ov, OPT_ColonOkInAddr), "boolean yes is true");
	line(" ColonOkInAddr");
	ok(opt_bool(&ov, OPT_ColonOkInAddr), "boolean without value is true");
	ok(opt_bool(&ov, OPT_SendMimeErrors) && !opt_is_set(&ov, OPT_SendMimeErrors),
	   "SendMimeErrors defaults true");
	line("b10/500");
	ok(opt_num(&ov, OPT_MinFreeBlocks) == 10 && opt_num(&ov, OPT_MaxMessageSize) == 500,
	   "b N/M sets MaxMessageSize");
	line(" SmtpGreetingMessage=\"$j hi\" \\\"x\\\"");
	is_str(opt_str(&ov, OPT_SmtpGreetingMessage), "$j hi \"x\"", "greeting: quotes removed");
	line(" TempFileMode=0644");
	is_int(opt_num(&ov, OPT_TempFileMode), 0644, "modes are octal");
	line(" DeliveryMode=x");
	is_str(msgs, "Unknown delivery mode x", "bad delivery mode");
	is_int(lastkind, OMK_FATAL, "  fatal");
	is_int(line(" EightBitMode="), OPT_FATAL, "empty 8-bit mode is fatal");
	is_str(msgs, "Unknown 8-bit mode ", "  wording");
	line(" QueueSortOrder=xyz");
	is_str(msgs, "Invalid queue sort order \"xyz\"", "bad sort order");
	line(" NoRecipientAction=add");
	is_str(msgs, "Invalid NoRecipientAction: add", "bad NoRecipientAction");
	line(" DefaultUser=daemon:nosuchgroupx");
	is_str(msgs, "readcf: option u: unknown group nosuchgroupx", "bad DefaultUser group");
	line(" TrustedUser=nosuchuserx");
	is_str(msgs, "readcf: option TrustedUser: unknown user nosuchuserx", "bad TrustedUser");
	line(" ConnectOnlyTo=256.1.1.1");
	is_str(msgs, "readcf: option ConnectOnlyTo: invalid IP address 256.1.1.1", "bad ConnectOnlyTo");
	line(" DaemonPortOptions=Bogus=1");
	is_str(msgs, "PortOptions parameter \"Bogus=1\" unknown", "bad port option key");
	line(" DaemonPortOptions=Family=bogus");
	is_str(msgs, "Unknown address family bogus in Family=option", "bad family");
	line(" MaxHeadersLength=5");
	is_str(msgs, "Warning: MaxHeadersLength: headers length limit set lower than 16384",
	       "small MaxHeadersLength");
	is_int(lastkind, OMK_NOTE, "  unprefixed");
	line(" MaxMimeHeaderLength=100");
	is_str(msgs, "Warning: MaxMimeHeaderLength: header length limit set lower than 128",
	       "MaxMimeHeaderLength N, field N/2");
}

static void test_lists(void)
{
	line(" PrivacyOptions=goaway,bogus1;bogus2");
	is_str(msgs, "readcf: Op line: bogus1 unrecognized|readcf: Op line: bogus2 unrecognized",
	       "bad privacy words, one message each");
	ok((opt_num(&ov, OPT_PrivacyOptions) & PRIV_GOAWAY) == PRIV_GOAWAY, "  good ones kept");
	opt_set_line(&ov, " PrivacyOptions=noetrn", err, NULL);
	ok(opt_num(&ov, OPT_PrivacyOptions) & PRIV_NOEXPN, "privacy options accumulate");
	line(" DontBlameSendmail=Safe,GroupWrit");
	is_str(msgs, "readcf: DontBlameSendmail option: GroupWrit unrecognized", "bad DBS word");
	line(" DontBlameSendmail=groupwritablealiasfile -5");
	is_str(msgs, "readcf: DontBlameSendmail option: 5 unrecognized", "DBS: signs are separators");
	line(" ResolverOptions=+debug,+igntc");
	is_str(msgs, "readcf: I option value debug,+igntc unrecognized", "resolver: blanks only");
	line(" ServerSSLOptions=SSL_OP_ALL,,SSL_OP_NO_TICKET");
	is_str(msgs, "readcf: ServerSSLOptions option value  unrecognized", "SSL options: empty word");
	line(" AuthOptions=xy z");
	is_str(msgs, "Warning: Option: AuthOptions unknown parameter 'x'|"
	       "Warning: Option: AuthOptions unknown parameter 'z'", "AuthOptions letters");
}

static void test_timeouts(void)
{
	line(" Timeout.queuewarn=1h30m");
	is_int(opt_num(&ov, OPT_Timeout_queuewarn), 5400, "1h30m is 5400 s");
	is_int(opt_num(&ov, OPT_Timeout_queuewarn_urgent), 5400, "  all precedences");
	line(" Timeout.queuewarn=4");
	is_int(opt_num(&ov, OPT_Timeout_queuewarn), 4 * 3600, "queuewarn unit is hours");
	line(" Timeout.queuewarn=xyz");
	is_int(nmsgs, 6, "bad queuewarn: each letter reported twice");
	is_str(msgs + strlen(msgs) - 21, "Invalid time unit `z'", "  wording");
	is_int(ov.exitstat, 0, "  no status change");
	line(" Timeout.initial=5");
	is_int(opt_num(&ov, OPT_Timeout_initial), 300, "initial unit is minutes");
	line(" Timeout.foo=5m");
	is_str(msgs, "settimeout: invalid timeout foo", "unknown timeout");
	line(" Timeout.QUEUERETURN.NORMAL=2d");
	is_int(opt_num(&ov, OPT_Timeout_queuereturn_normal), 2 * 86400, "sub-option names ignore case");
	line("T5d/4h");
	ok(opt_num(&ov, OPT_Timeout_queuereturn) == 5 * 86400 && opt_num(&ov, OPT_Timeout_queuewarn) == 4 * 3600,
	   "T return/warn");
	line("r10m");
	ok(opt_num(&ov, OPT_Timeout_rcpt) == 600 && opt_num(&ov, OPT_Timeout_initial) == 300,
	   "bare r value sets the starred timeouts only");
	line(" Timeout=xyz,helo=1m");
	ok(nmsgs == 0 && opt_num(&ov, OPT_Timeout_helo) == 60, "non-numeric bare item ignored");
	is_int(opt_convtime("5-3", 's'), 8, "bad unit counts as the default unit");
	is_int(opt_convtime("now", 'm'), OPT_TIME_NOW, "now");
	line(" Milter=1");
	is_str(msgs, "milter_set_option: invalid Milter option, must specify suboption", "Milter alone");
	line(" Milter.macros.foo=1");
	is_str(msgs, "milter_set_option: invalid Milter option macros.foo", "unknown Milter sub-option");
}

static void test_cmdline(void)
{
	line(" LogLevel=3");
	ov.cmdline = true;
	opt_set_line(&ov, " LogLevel=4", err, NULL);
	opt_set_line(&ov, " PrivacyOptions=novrfy", err, NULL);
	ov.cmdline = false;
	opt_set_line(&ov, " LogLevel=12", err, NULL);
	opt_set_line(&ov, " PrivacyOptions=noexpn", err, NULL);
	is_int(opt_num(&ov, OPT_LogLevel), 4, "cf cannot override -O");
	ok((opt_num(&ov, OPT_PrivacyOptions) & (PRIV_NOVRFY | PRIV_NOEXPN)) == (PRIV_NOVRFY | PRIV_NOEXPN),
	   "PrivacyOptions add up");
	line(" SingleThreadDelivery");
	opt_finish(&ov, err, NULL);
	is_str(msgs, "Warning: HostStatusDirectory required for SingleThreadDelivery", "finish check");
}

int main(void)
{
	opt_init(&ov);
	test_lookup();
	test_names();
	test_values();
	test_lists();
	test_timeouts();
	test_cmdline();
	opt_free(&ov);
	return done_testing();
}
