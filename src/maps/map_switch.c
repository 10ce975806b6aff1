/* map_switch.c - the switch map class: a sequence whose members come
 * from the service switch file.
 *
 * "Kname switch service": when the map opens, the line of the
 * ServiceSwitchFile (default /etc/mail/service.switch) that starts
 * with the service lists its sources, and the map tries the maps
 * "name.source" in that order (e.g. "Kali switch aliases" with
 * "aliases files nis" tries ali.files, then ali.nis).  As in the
 * reference: without the file, "hosts" means "dns files", "aliases"
 * means "files"; a service the file (or these defaults) does not list
 * makes the map fail to open; member maps not declared are reported
 * when it opens and left out; a line without sources is logged as bad. */
#include "maps/map_seq.h"
#include "maps/map_log.h"
#include "conf/cf.h"
#include "conf/options.h"
#include "lib/buf.h"
#include "lib/xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SW_LINE 1024

/* the sources of service from the file into out (blank separated);
 * 0 found, 1 not listed, -1 no file */
static int sw_read(const char *file, const char *service, buf_t *out)
{
	char line[SW_LINE];
	FILE *fp = fopen(file, "re");
	int rc = 1;

	if (fp == NULL)
		return -1;
	while (rc == 1 && fgets(line, sizeof line, fp) != NULL) {
		char *save = NULL, *w = strtok_r(line, " \t\r\n", &save);
		const char *src;
		if (w == NULL || w[0] == '#')
			continue;
		if (strcmp(w, service) != 0)
			continue;
		if ((src = strtok_r(NULL, "\r\n", &save)) == NULL) {
			map_log_noid(LOG_ERR, "Bad line on %s: %s", file, w);
			continue;
		}
		buf_adds(out, src);
		rc = 0;
	}
	fclose(fp);
	return rc;
}

static const char *sw_default(const char *service)
{
	if (strcmp(service, "hosts") == 0)
		return "dns files";
	if (strcmp(service, "aliases") == 0)
		return "files";
	return NULL;
}

/* name.source for each source; unknown ones are reported */
static void sw_members(map_t *m, seqh_t *h, const char *sources)
{
	char *list = xstrdup(sources), *save = NULL, *src;
	buf_t name = BUF_INIT(1024);

	for (src = strtok_r(list, " \t", &save); src; src = strtok_r(NULL, " \t", &save)) {
		buf_reset(&name);
		buf_printf(&name, "%s.%s", m->name, src);
		if (!seq_add(h, name.p, name.len))
			map_syserr(0, "Switch map %s: unknown member map %s", m->name, name.p);
	}
	buf_free(&name);
	free(list);
}

static int sw_open(map_t *m)
{
	seqh_t *h = seq_handle(m);
	const char *file = CF ? opt_str(&CF->opt, OPT_ServiceSwitchFile) : NULL;
	buf_t src = BUF_INIT(SW_LINE);
	int rc;

	if (m->file == NULL)    /* "No file name" was said at K line time */
		return MAP_UNAVAIL;
	rc = sw_read(file ? file : "/etc/mail/service.switch", m->file, &src);
	if (rc < 0 && sw_default(m->file) != NULL) {
		buf_adds(&src, sw_default(m->file));
		rc = 0;
	}
	if (rc == 0)
		sw_members(m, h, buf_str(&src));
	buf_free(&src);
	return rc == 0 ? MAP_OK : MAP_TEMPFAIL;
}

const map_class_t map_class_switch = {
	"switch", NULL, map_parse_filename, sw_open, NULL, seq_lookup, seq_close, MF_KEEPQUOTES
};
