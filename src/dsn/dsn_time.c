/* dsn_time.c - the queue timeouts that make reports due, chosen by the
 * message's precedence class as the reference chooses them (a positive
 * class is urgent, a negative one non-urgent), and intervals in the words
 * the reports use ("1 second", "5 days"). */
#include "dsn/dsn.h"
#include "conf/options.h"

/* the .urgent/.normal/.non-urgent variant when it was set, else the plain
 * option (which also gives the default) */
static long by_class(const cf_t *cf, const envelope_t *e, opt_id base, opt_id urg,
		     opt_id norm, opt_id nonurg)
{
	opt_id sub = e->msgclass > 0 ? urg : e->msgclass < 0 ? nonurg : norm;

	if (opt_is_set(&cf->opt, sub) && !opt_is_set(&cf->opt, base))
		return opt_num(&cf->opt, sub);
	return opt_num(&cf->opt, base);
}

long dsn_timeout_warn(const cf_t *cf, const envelope_t *e)
{
	return by_class(cf, e, OPT_Timeout_queuewarn, OPT_Timeout_queuewarn_urgent,
			OPT_Timeout_queuewarn_normal, OPT_Timeout_queuewarn_non_urgent);
}

long dsn_timeout_return(const cf_t *cf, const envelope_t *e)
{
	return by_class(cf, e, OPT_Timeout_queuereturn, OPT_Timeout_queuereturn_urgent,
			OPT_Timeout_queuereturn_normal, OPT_Timeout_queuereturn_non_urgent);
}

void dsn_interval(long secs, buf_t *out)
{
	static const struct { long n; const char *w; } u[] = {
		{ 86400, "day" }, { 3600, "hour" }, { 60, "minute" }, { 1, "second" },
	};
	bool any = false;

	if (secs < 0)
		secs = 0;
	for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
		long k = secs / u[i].n;
		if (k == 0 && !(i == 3 && !any))
			continue;
		secs -= k * u[i].n;
		buf_printf(out, "%s%ld %s%s", any ? ", " : "", k, u[i].w, k == 1 ? "" : "s");
		any = true;
	}
}
