/* test_options.c - the option table: names, one-letter forms, types. */
#include "tap.h"
#include "conf/options.h"
#include <string.h>

static char lastmsg[256];
static void err(const char *msg, void *arg)
{
	(void)arg;
	snprintf(lastmsg, sizeof lastmsg, "%s", msg);
}

int main(void)
{
	optvals_t ov;

	plan(12);
	opt_init(&ov);
	ok(opt_find("aliasfile") != NULL, "long names ignore case");
	ok(opt_find_short('A') == opt_find("AliasFile"), "A is AliasFile");
	is_int(opt_set_line(&ov, " AliasFile=/etc/aliases", err, NULL), 0, "O AliasFile=...");
	is_str(opt_str(&ov, OPT_AliasFile), "/etc/aliases", "value kept");
	is_int(opt_set_line(&ov, " NoSuchOption=1", err, NULL), -1, "unknown option refused");
	is_str(lastmsg, "readcf: unknown option name NoSuchOption", "the reference's words");
	is_int(opt_set_line(&ov, " Timeout.queuewarn=1h30m", err, NULL), 0, "timeouts");
	is_int(opt_num(&ov, OPT_Timeout_queuewarn), 5400, "1h30m is 5400 s");
	is_int(opt_set_line(&ov, "L12", err, NULL), 0, "one-letter form");
	is_int(opt_num(&ov, OPT_LogLevel), 12, "LogLevel from L");
	is_int(opt_set_line(&ov, " SuperSafe=False", err, NULL), 0, "SuperSafe");
	ok(!opt_bool(&ov, OPT_SendMimeErrors), "booleans default false");
	opt_free(&ov);
	return done_testing();
}
