/* fuzz_rewrite.c - libFuzzer target for the address tokenizer and the
 * rewriting engine.
 *
 * On the first call it loads test/fuzz/fuzz.cf (a small configuration of
 * our own that uses every rewriting operator; it declares no "host" map,
 * so $[ $] lookups never reach DNS).  Each input is then
 *
 *     [SPEC "\n"] ADDRESS
 *
 * SPEC is a comma-separated list of ruleset names or numbers, as typed in
 * -bt ("3,0", "Arith", "check_rcpt,4"); an input without a newline is an
 * address alone and gets "3,0".  The address is tokenized twice (SCAN_NOC
 * as -bt does and SCAN_EXT as envelope/header addresses are), each token
 * vector is run through the SPEC rulesets and through check_rcpt with the
 * trace going to /dev/null, and the address also goes through parseaddr()
 * and remotename() (ruleset 3, 0, mailer rulesets, crackaddr).
 *
 * Environment: FUZZ_CF=path overrides where fuzz.cf is looked for;
 * FUZZ_VERBOSE=1 keeps stdout/stderr and sends the rewrite trace to stdout
 * (handy when replaying a crasher: build-fuzz/fuzz/fuzz_rewrite FILE).
 */
#include "conf/cf.h"
#include "conf/class.h"
#include "conf/macro.h"
#include "maps/map.h"
#include "rewrite/rewrite.h"
#include "rewrite/scan.h"
#include "rewrite/token.h"
#include "addr/parseaddr.h"
#include "lib/buf.h"
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FUZZ_MAX_INPUT 4096     /* bytes of one input that are used */
#define MAX_SPEC  6        /* rulesets named in one SPEC */

static cf_t the_cf;
static FILE *trace;         /* /dev/null, or stdout when verbose */
static int verbose;
static FILE *real_stderr;     /* for the fuzzer's own fatal messages */
static int dyn_id;          /* {Dyn}: set at run time by the macro map */

static int try_cf(const char *path)
{
	if (path == NULL || access(path, R_OK) != 0)
		return -1;
	return cf_read(&the_cf, path, false);
}

/* fuzz.cf lives next to this source; the binary is build-fuzz/fuzz/NAME */
static void load_cf(const char *argv0)
{
	char exe[PATH_MAX], path[PATH_MAX + 64];
	ssize_t n;
	char *slash;

	if (try_cf(getenv("FUZZ_CF")) == 0)
		return;
	/* relative to the top of the tree (make runs from there) */
	snprintf(path, sizeof path, "%s", __FILE__);
	slash = strrchr(path, '/');
	snprintf(slash ? slash + 1 : path, sizeof path - (size_t)(slash ? slash + 1 - path : 0),
		 "fuzz.cf");
	if (try_cf(path) == 0)
		return;
	/* relative to the binary: TOP/build-fuzz/fuzz/fuzz_rewrite */
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 && argv0 != NULL) {
		snprintf(exe, sizeof exe, "%s", argv0);
		n = (ssize_t)strlen(exe);
	}
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL)
			*slash = '\0';
		snprintf(path, sizeof path, "%s/../../test/fuzz/fuzz.cf", slash ? exe : ".");
		if (try_cf(path) == 0)
			return;
	}
	fprintf(real_stderr, "fuzz_rewrite: cannot find fuzz.cf (set FUZZ_CF=path)\n");
	abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE *null;

	verbose = getenv("FUZZ_VERBOSE") != NULL;
	real_stderr = stderr;
	null = fopen("/dev/null", "w");
	if (null == NULL)
		abort();
	trace = verbose ? stdout : null;
	if (!verbose) {
		/* the engine reports to stdout/stderr; libFuzzer and the
		 * sanitizers keep the real stderr (they hold their own FILE /
		 * write to fd 2 directly) */
		stdout = null;
		stderr = null;
	}
	cf_init(&the_cf);
	CF = &the_cf;
	map_register_builtin_classes();
	cf_setup_default_mailers(&the_cf);
	load_cf(argc && *argc > 0 ? (*argv)[0] : NULL);
	if (the_cf.errors != 0 || the_cf.rs[3].n == 0 || the_cf.rs[0].n == 0) {
		fprintf(real_stderr, "fuzz_rewrite: fuzz.cf did not load cleanly (%d errors)\n",
			the_cf.errors);
		abort();
	}
	/* no input may reach the resolver */
	if (map_find("host") != NULL) {
		fprintf(real_stderr, "fuzz_rewrite: fuzz.cf must not declare a host map\n");
		abort();
	}
	dyn_id = macid("Dyn");
	return 0;
}

static void scan_err(const char *addr, const char *msg, void *arg)
{
	(void)arg;
	fprintf(trace, "%s... %s\n", addr, msg);
}

/* parse "3,0" / "Arith" / "check_rcpt,4" into ruleset numbers */
static int parse_spec(const char *spec, int *rs)
{
	char name[64];
	int n = 0;

	while (*spec && n < MAX_SPEC) {
		size_t l = strcspn(spec, ",");
		if (l > 0 && l < sizeof name) {
			int r;
			memcpy(name, spec, l);
			name[l] = '\0';
			r = cf_ruleset_lookup(&the_cf, name);
			if (r >= 0 && r < MAXRWSETS)
				rs[n++] = r;
		}
		spec += l;
		if (*spec == ',')
			spec++;
	}
	return n;
}

static void run_rulesets(const char *addr, enum scan_mode mode, const int *rs, int nrs)
{
	tokvec_t tv;
	arena_t ar;
	scanner_t sc;
	rwctx_t cx;
	int i;

	tv_init(&tv);
	arena_init(&ar);
	memset(&sc, 0, sizeof sc);
	sc.mode = mode;
	sc.err = scan_err;
	if (scan_address(&sc, addr, &tv, &ar) == 0 && tv.n > 0) {
		memset(&cx, 0, sizeof cx);
		cx.cf = &the_cf;
		cx.trace = trace;
		cx.ar = &ar;
		for (i = 0; i < nrs; i++)
			if (rewrite(&cx, rs[i], &tv) != 0 && mode == SCAN_NOC)
				fprintf(trace, "== status %d\n", cx.status);
		/* a second pass over the (rewritten) tokens, as -bt "3,0"
		 * output is often fed to other rulesets */
		i = cf_ruleset_lookup(&the_cf, "check_rcpt");
		if (i >= 0)
			rewrite(&cx, i, &tv);
	}
	tv_free(&tv);
	arena_free(&ar);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in, *addr, *nl;
	int rs[MAX_SPEC], nrs;
	addr_t a;
	buf_t res = BUF_INIT(0);
	mailer_t *smtp;

	if (size > FUZZ_MAX_INPUT)
		size = FUZZ_MAX_INPUT;
	in = malloc(size + 1);
	memcpy(in, data, size);
	in[size] = '\0';          /* text stops at the first NUL byte */

	/* state the configuration may change at run time */
	mac_define(&the_cf.mac, dyn_id, NULL);

	nl = strchr(in, '\n');
	if (nl != NULL) {
		*nl = '\0';
		addr = nl + 1;
		nrs = parse_spec(in, rs);
	} else {
		addr = in;
		nrs = 0;
	}
	if (nrs == 0)
		nrs = parse_spec("3,0", rs);

	run_rulesets(addr, SCAN_NOC, rs, nrs);
	run_rulesets(addr, SCAN_EXT, rs, nrs);

	/* envelope recipient resolution and header rewriting */
	parseaddr(&the_cf, trace, addr, RF_RECIPADDR, &a);
	addr_free(&a);
	smtp = cf_mailer(&the_cf, "smtp");
	if (smtp != NULL) {
		remotename(&the_cf, trace, addr, smtp, RF_SENDERADDR | RF_HEADERADDR, &res);
		buf_free(&res);
		remotename(&the_cf, trace, addr, smtp, RF_HEADERADDR, &res);
		buf_free(&res);
	}
	if (verbose)
		fflush(stdout);
	free(in);
	return 0;
}
