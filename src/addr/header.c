/* header.c - the table of headers sendmail treats specially. */
#include "addr/header.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

static const struct hdrinfo {
	const char *name;
	unsigned long flags;
} hdrinfo[] = {
	{ "from", H_FROM },
	{ "sender", H_FROM },
	{ "reply-to", H_FROM },
	{ "errors-to", H_FROM | H_ERRORSTO },
	{ "full-name", H_ACHECK },
	{ "return-receipt-to", H_RECEIPTTO },
	{ "to", H_RCPT },
	{ "cc", H_RCPT },
	{ "bcc", H_RCPT | H_BCC },
	{ "message-id", 0 },
	{ "in-reply-to", 0 },
	{ "references", 0 },
	{ "comments", 0 },
	{ "subject", H_ENCODABLE },
	{ "date", 0 },
	{ "received", H_TRACE | H_FORCE },
	{ "x400-received", H_TRACE | H_FORCE },
	{ "via", H_TRACE | H_FORCE },
	{ "mail-from", H_TRACE | H_FORCE },
	{ "return-path", H_FORCE | H_ACHECK | H_BINDLATE },
	{ "resent-date", H_RESENT },
	{ "resent-from", H_FROM | H_RESENT },
	{ "resent-sender", H_FROM | H_RESENT },
	{ "resent-to", H_RCPT | H_RESENT },
	{ "resent-cc", H_RCPT | H_RESENT },
	{ "resent-bcc", H_RCPT | H_BCC | H_RESENT },
	{ "resent-message-id", H_RESENT },
	{ "resent-reply-to", H_FROM | H_RESENT },
	{ "apparently-to", H_RCPT },
	{ "content-transfer-encoding", H_CTE },
	{ "content-type", H_CTYPE },
	{ "content-length", H_ACHECK },
};

unsigned long header_known_flags(const char *name)
{
	size_t i;
	int c0 = tolower((unsigned char)name[0]);

	/* (the table's names are lower case: the first letter sorts out
	 * most of them before strcasecmp) */
	for (i = 0; i < sizeof hdrinfo / sizeof hdrinfo[0]; i++)
		if (hdrinfo[i].name[0] == c0 && strcasecmp(hdrinfo[i].name, name) == 0)
			return hdrinfo[i].flags;
	return 0;
}

unsigned long header_flags_of(const cf_t *cf, const char *line)
{
	char name[256];
	const char *colon = strchr(line, ':');
	size_t n = colon ? (size_t)(colon - line) : strlen(line);

	(void)cf;
	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	if (n >= sizeof name)
		n = sizeof name - 1;
	memcpy(name, line, n);
	name[n] = '\0';
	return header_known_flags(name) | H_USER;
}
