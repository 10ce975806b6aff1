/* startup.c - what every mode does before its work: define the
 * built-in macros and host identity, read the cf, apply -O options,
 * and make sure the maps the reference always has exist. */
#include "sendmail/init.h"
#include "lib/pwcache.h"
#include "log/log.h"
#include <errno.h>
#include "queue/queue.h"
#include "conf/class.h"
#include "conf/mailer_parse.h"
#include "dns/dns.h"
#include "maps/map.h"
#include "aliases/aliases.h"
#include "rewrite/scan.h"
#include "rewrite/rewrite.h"
#include "lib/buf.h"
#include "lib/str.h"
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static cf_t the_cf;

static void define(cf_t *cf, const char *name, const char *val)
{
	mac_define(&cf->mac, macid(name), val);
}

/* RFC 5322 date; zero offset is written "GMT" like the reference */
void sm_arpadate(time_t t, char *buf, size_t sz)
{
	struct tm tm;
	char zone[48];
	long off;

	localtime_r(&t, &tm);
	off = tm.tm_gmtoff / 60;
	if (off == 0)
		sm_strlcpy(zone, "GMT", sizeof zone);
	else
		snprintf(zone, sizeof zone, "%c%02ld%02ld", off < 0 ? '-' : '+',
			 (off < 0 ? -off : off) / 60, (off < 0 ? -off : off) % 60);
	strftime(buf, sz, "%a, %d %b %Y %H:%M:%S ", &tm);
	sm_strlcat(buf, zone, sz);
}

static void add_class_word(int cls, const char *word, void *arg)
{
	(void)arg;
	class_add(cls, word);
}

static bool class_w_has(const char *word, void *arg)
{
	(void)arg;
	return class_has('w', word);
}

static void class_w_add(const char *word, void *arg)
{
	(void)arg;
	class_add('w', word);
}

/* $w $j $m $k and the words of classes w, k, m, before the cf is read */
static void define_identity(cf_t *cf, sm_self_t *self)
{
	dns_self_identity(self, true);
	define(cf, "w", self->w);
	define(cf, "j", self->j);
	if (self->m[0])
		define(cf, "m", self->m);
	define(cf, "k", self->k);
	dns_self_add_classes(self, add_class_word, NULL);
}

/* after the cf: interface names, the resolver's view of $j and $m, and
 * the unqualified-name warning (printed once; we never sleep) */
static void finish_identity(cf_t *cf, sm_self_t *self)
{
	const char *j = mac_get(&cf->mac, macid("j"));
	const char *m = mac_get(&cf->mac, macid("m"));

	/* DontProbeInterfaces: true skips probing; false and loopback probe */
	if (opt_num(&cf->opt, OPT_DontProbeInterfaces) != 1)
		dns_self_add_probed(self, class_w_has, class_w_add, NULL);
	dns_set_domain(m);
	dns_set_myhostname(j);
	dns_set_local_check(class_w_has, NULL);
	dns_set_switch_file(opt_str(&cf->opt, OPT_ServiceSwitchFile));
	if (opt_str(&cf->opt, OPT_HostsFile) != NULL)
		dns_set_hosts_file(opt_str(&cf->opt, OPT_HostsFile));
	if (j != NULL && strchr(j, '.') == NULL) {
		buf_t w = BUF_INIT(0);
		dns_unqualified_warning(j, &w);
		printf("%s\n", buf_str(&w));
		buf_free(&w);
	}
}

/* a configuration file that cannot be read: the reference's words on the
 * output ("451 4.0.0 " first for an SMTP client with -bs) and in the log */
static void cf_unreadable(const sm_args_t *a, int err)
{
	printf("%s%s: line 0: cannot open: %s\n", a->mode == 's' ? "451 4.0.0 " : "", a->cffile,
	       strerror(err));
	fflush(stdout);
	sm_log_id(LL_SERIOUS, LOG_CRIT, "", "SYSERR(%s): %s: line 0: cannot open: %s",
		  log_real_user(), a->cffile, strerror(err));
}

static void define_builtins(cf_t *cf)
{
	char date[64], user[300];
	struct passwd *pw = pwc_getpwuid(getuid());

	sm_arpadate(time(NULL), date, sizeof date);
	define(cf, "b", date);
	define(cf, "v", SM_VERSION);
	define(cf, "Z", SM_VERSION);
	define(cf, "n", "MAILER-DAEMON");
	snprintf(user, sizeof user, "%s@localhost", pw ? pw->pw_name : "root");
	define(cf, "_", user);
}

cf_t *sm_startup(const sm_args_t *a)
{
	static bool used;
	cf_t *cf = &the_cf;
	sm_self_t self;
	int i;

	if (used)
		cf_init(cf);
	else
		cf_init_zeroed(cf);   /* static storage: zero until now */
	used = true;
	CF = cf;
	map_register_builtin_classes();
	define_builtins(cf);
	define(cf, "opMode", a->mode == 't' ? "t" : a->mode == 'v' ? "v" : "m");
	define_identity(cf, &self);
	cf_setup_default_mailers(cf);
	/* -O/-o first: the reference applies them before the cf, and the
	 * cf cannot change what the command line set */
	cf->opt.cmdline = true;
	for (i = 0; i < a->nopts; i++)
		cf_option(cf, a->opts[i]);
	cf->opt.cmdline = false;
	if (cf_read(cf, a->cffile, true) < 0) {
		cf_unreadable(a, errno);
		dns_self_free(&self);
		return NULL;
	}
	opt_finish(&cf->opt, cf_opt_err, cf);
	{
		const char *bs = opt_str(&cf->opt, OPT_BlankSub);
		tok_set_spacesub(bs && *bs ? (unsigned char)*bs : ' ');
	}
	if (opt_str(&cf->opt, OPT_QueueFileMode) != NULL)
		queue_set_filemode((mode_t)opt_num(&cf->opt, OPT_QueueFileMode));
	if (map_find("host") == NULL)
		map_declare("host host -a.", NULL, NULL);
	alias_declare_maps(cf);
	finish_identity(cf, &self);
	dns_self_free(&self);
	/* maps open on first use, as the reference's do in these modes */
	if (cf_mailer(cf, "local") == NULL)
		printf("No local mailer defined\n");
	return cf;
}
