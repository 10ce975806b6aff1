/* help.c - HELP: the topic's lines of the help file (HelpFile; lines
 * "topic<TAB>text", macros in the text expanded), each sent as
 * "214-2.0.0 text", closed by "214 2.0.0 End of HELP info". */
#include "smtpd/smtpd_int.h"
#include "conf/cf.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define HELP_LINE 1024

/* send the lines of topic; how many there were */
static int help_topic(session_t *s, FILE *f, const char *topic)
{
	char line[HELP_LINE];
	size_t tn = strlen(topic);
	int n = 0;
	buf_t x = BUF_INIT(4 * HELP_LINE);

	while (fgets(line, sizeof line, f) != NULL) {
		size_t len = strcspn(line, "\r\n");
		line[len] = '\0';
		if (line[0] == '#' || strncasecmp(line, topic, tn) != 0 ||
		    (line[tn] != '\t' && line[tn] != '\0'))
			continue;
		buf_reset(&x);
		cf_expand(s->cf, line[tn] == '\t' ? line + tn + 1 : "", &x);
		smtp_reply(s, false, 214, "2.0.0", "%s", buf_str(&x));
		n++;
	}
	buf_free(&x);
	return n;
}

void cmd_help(session_t *s)
{
	const char *file = opt_str(&s->cf->opt, OPT_HelpFile);
	const char *arg = cmd_arg(s);
	char topic[64];
	size_t n = strcspn(arg, " \t");
	FILE *f;

	if (n >= sizeof topic)
		n = sizeof topic - 1;
	for (size_t i = 0; i < n; i++)
		topic[i] = (char)tolower((unsigned char)arg[i]);
	topic[n] = '\0';
	f = file != NULL && *file ? fopen(file, "r") : NULL;
	if (f == NULL) {
		smtp_reply(s, true, 502, "5.3.0", "Sendmail %s -- HELP not implemented",
			   mac_get(&s->cf->mac, 'v'));
		return;
	}
	if (help_topic(s, f, n ? topic : "smtp") == 0) {
		smtp_reply(s, true, 504, "5.3.0", "HELP topic \"%.*s\" unknown", (int)n, arg);
	} else
		smtp_reply(s, true, 214, "2.0.0", "End of HELP info");
	fclose(f);
}
