/* hoststat.c - the host status files of HostStatusDirectory: where a
 * host's file is, reading and writing one (see hoststat.h for the
 * format), and the "recently failed" test a delivery makes before it
 * connects. */
#include "smtpc/hoststat.h"
#include "conf/options.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool hoststat_dir(cf_t *cf, buf_t *out)
{
	const char *d = opt_str(&cf->opt, OPT_HostStatusDirectory);
	const char *q = opt_str(&cf->opt, OPT_QueueDirectory);

	if (d == NULL || *d == '\0')
		return false;
	buf_reset(out);
	if (d[0] != '/')
		buf_printf(out, "%s/", q != NULL && *q ? q : "/var/spool/mqueue");
	buf_adds(out, d);
	return true;
}

bool hoststat_path(cf_t *cf, const char *host, buf_t *out)
{
	char name[256];
	size_t n;

	if (!hoststat_dir(cf, out))
		return false;
	if (host[0] == '[')
		host++;
	n = strcspn(host, "]");
	if (n == 0 || n >= sizeof name)
		return false;
	for (size_t i = 0; i < n; i++)
		name[i] = host[i] == '/' ? '_' : (char)tolower((unsigned char)host[i]);
	name[n] = '\0';
	if (name[n - 1] == '.')
		name[--n] = '\0';
	/* the labels last first, each but the host's own with its dot */
	while (n > 0) {
		char *dot = NULL;
		for (size_t i = n; i-- > 0;)
			if (name[i] == '.') {
				dot = &name[i];
				break;
			}
		buf_addc(out, '/');
		if (dot == NULL) {
			buf_add(out, name, n);
			break;
		}
		buf_printf(out, "%.*s.", (int)(n - (size_t)(dot + 1 - name)), dot + 1);
		n = (size_t)(dot - name);
	}
	return out->len > 0 && !out->overflow;
}

int hoststat_read(const char *path, hoststat_t *h)
{
	FILE *f = fopen(path, "r");
	char line[600];

	memset(h, 0, sizeof *h);
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		switch (line[0]) {
		case 'E': h->err = atoi(line + 1); break;
		case 'H': h->herr = atoi(line + 1); break;
		case 'S': h->exitstat = atoi(line + 1); break;
		case 'D': snprintf(h->dsn, sizeof h->dsn, "%.15s", line + 1); break;
		case 'R': snprintf(h->reply, sizeof h->reply, "%.511s", line + 1); break;
		case 'U': h->updated = (time_t)atol(line + 1); break;
		default: break;
		}
	}
	fclose(f);
	return 0;
}

/* the directories on the way to path */
static void make_dirs(const char *path)
{
	char p[4096];
	snprintf(p, sizeof p, "%s", path);
	for (char *s = strchr(p + 1, '/'); s != NULL; s = strchr(s + 1, '/')) {
		*s = '\0';
		(void)mkdir(p, 0700);
		*s = '/';
	}
}

void hoststat_save(cf_t *cf, const char *host, const hoststat_t *h)
{
	buf_t p = BUF_INIT(4096), d = BUF_INIT(4096), t = BUF_INIT(0);
	struct stat st;
	int fd;

	if (!hoststat_path(cf, host, &p) || !hoststat_dir(cf, &d) || stat(buf_str(&d), &st) != 0)
		goto out;
	make_dirs(buf_str(&p));
	buf_printf(&t, "V0\nE%d\nH%d\nS%d\nD%s\n", h->err, h->herr, h->exitstat, h->dsn);
	if (h->reply[0])
		buf_printf(&t, "R%s\n", h->reply);
	buf_printf(&t, "U%ld\n.\n", (long)h->updated);
	fd = open(buf_str(&p), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd >= 0) {
		if (write(fd, t.p, t.len) != (ssize_t)t.len)
			(void)ftruncate(fd, 0);
		close(fd);
	}
out:
	buf_free(&p);
	buf_free(&d);
	buf_free(&t);
}

bool hoststat_down(cf_t *cf, const char *host, hoststat_t *h)
{
	buf_t p = BUF_INIT(4096);
	long ttl = opt_num(&cf->opt, OPT_Timeout_hoststatus);
	bool down = false;

	if (hoststat_path(cf, host, &p) && hoststat_read(buf_str(&p), h) == 0)
		down = h->exitstat != 0 && h->err != 0 && ttl > 0 && time(NULL) - h->updated < ttl;
	buf_free(&p);
	return down;
}
