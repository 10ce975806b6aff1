/* alias_wait.c - what happens when an alias database is opened: the
 * check that its rebuild completed, and the "out of date" warning.
 *
 * A Berkeley DB alias map whose file lacks the "@" key is being rebuilt
 * (newaliases writes "@" last).  The reference waits for it: it closes
 * and reopens the map after 2, 4, 8, ... seconds (at most 60 at a time)
 * until "@" is there or the AliasWait time has passed; a map that cannot
 * be reopened stays closed.  Then, if the wait timed out, the database is
 * missing or it is older than its text file, it logs "alias database
 * FILE.db out of date" (mail.info) and warns on the output.  Each map is
 * checked once per open; AliasWait 0 skips the wait. */
#include "aliases/aliases.h"
#include "aliases/alias_build.h"
#include "maps/map.h"
#include <stdarg.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

static long wait_seconds;
static bool warn_on_output = true;
static bool waiting;   /* reopening from inside the check */

void alias_wait_config(long seconds, bool warn)
{
	wait_seconds = seconds;
	warn_on_output = warn;
}

static bool has_marker(map_t *m)
{
	buf_t out = BUF_INIT(0);
	bool found = false;

	bool bare = !(m->flags & MF_INCLNULL) &&
		    ((m->flags & MF_TRY0NULL) || !(m->flags & MF_TRY1NULL));
	bool nul = (m->flags & (MF_INCLNULL | MF_TRY1NULL)) != 0;

	if (bare)
		found = m->cls->lookup(m, "@", 1, &out) == MAP_OK;
	if (!found && nul)
		found = m->cls->lookup(m, "@", 2, &out) == MAP_OK;
	buf_free(&out);
	return found;
}

/* wait for "@": MAP_OK with *timedout, or the status of a failed reopen */
static int wait_marker(map_t *m, bool *timedout)
{
	time_t give_up = time(NULL) + wait_seconds;
	unsigned pause = 2;
	int st;

	*timedout = false;
	while (!has_marker(m)) {
		if (time(NULL) > give_up) {
			*timedout = true;
			return MAP_OK;
		}
		m->cls->close(m);
		sleep(pause);
		pause = pause * 2 > 60 ? 60 : pause * 2;
		st = m->cls->open(m);
		if (st != MAP_OK)
			return st;
	}
	return MAP_OK;
}

static void out_of_date_check(map_t *m, bool timedout)
{
	struct stat text, db;
	buf_t path = BUF_INIT(0);

	if (m->file == NULL || stat(m->file, &text) < 0)
		return;
	buf_printf(&path, "%s.db", m->file);
	if (timedout || stat(buf_str(&path), &db) < 0 || db.st_mtime < text.st_mtime) {
		alias_syslog(LOG_INFO, "alias database %s out of date", buf_str(&path));
		if (warn_on_output)
			map_message("Warning: alias database %s out of date", buf_str(&path));
	}
	buf_free(&path);
}

bool alias_note_shown(void)
{
	return warn_on_output;
}

void alias_note(const char *fmt, ...)
{
	va_list ap;
	buf_t b = BUF_INIT(0);

	if (!warn_on_output)
		return;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	map_message("%s", buf_str(&b));
	buf_free(&b);
}

int alias_db_opened(map_t *m)
{
	bool timedout = false;
	int st = MAP_OK;

	if (waiting)
		return MAP_OK;
	waiting = true;
	if (wait_seconds > 0)
		st = wait_marker(m, &timedout);
	waiting = false;
	if (st == MAP_OK)
		out_of_date_check(m, timedout);
	return st;
}
