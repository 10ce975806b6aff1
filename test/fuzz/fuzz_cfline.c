/* fuzz_cfline.c - libFuzzer target for the sendmail.cf line reader.
 *
 * Each input is a piece of sendmail.cf: lines separated by "\n", fed one
 * by one to cf_line() of a fresh cf_t (R S D C K M O T H V lines and
 * whatever else the mutator makes).  Then "$> name" references are bound
 * and, so that the rules just read get used, a few short addresses are run
 * through rulesets 3 and 0 and through the ruleset of the last S line.
 * A line starting with "A" (not a cf line type) gives an address to use
 * instead of the built-in ones (at most four).
 *
 * Filtered out, because the fuzzer must not touch the system:
 *   - F lines (they open files, and "F|prog" runs a program);
 *   - K lines declaring a map of class "host" (DNS lookups through $[ $])
 *     or "program"/"socket"/"ldap"-like classes that reach outside.
 * Database maps (hash, btree, text) may be declared; they are opened
 * read-only on first lookup, and names from the fuzzer do not exist.
 *
 * FUZZ_VERBOSE=1 keeps stdout/stderr and traces rewriting to stdout.
 */
#include "conf/cf.h"
#include "conf/class.h"
#include "conf/macro.h"
#include "maps/map.h"
#include "rewrite/rewrite.h"
#include "rewrite/scan.h"
#include "rewrite/token.h"
#include "lib/buf.h"
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FUZZ_MAX_INPUT 8192
#define MAX_ADDRS 4

static FILE *trace;
static int verbose;

/* The cf reader is run once per process in real life and has no
 * destructor, so leaks of a discarded configuration are not findings. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

/* a fatal option error ends sendmail at once; here the input just goes on */
static void no_exit(int status)
{
	(void)status;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE *null;

	cf_fatal_exit = no_exit;
	(void)argc;
	(void)argv;
	verbose = getenv("FUZZ_VERBOSE") != NULL;
	null = fopen("/dev/null", "w");
	if (null == NULL)
		abort();
	trace = verbose ? stdout : null;
	if (!verbose) {
		stdout = null;
		stderr = null;
	}
	map_register_builtin_classes();
	return 0;
}

/* K line classes that could leave the process */
static int unsafe_k_line(const char *p)
{
	static const char *const bad[] = {
		"host", "program", "socket", "ldap", "nis", "nisplus", "hesiod",
		"netinfo", "user", "syslog", "dns", "bestmx", "regex", "sequence",
		"switch", "nsd", "arpa", "socketmap",
	};
	char cls[64];
	size_t i, n;

	p++;                                       /* the 'K' */
	while (*p == ' ' || *p == '\t')
		p++;
	while (*p && *p != ' ' && *p != '\t')      /* map name */
		p++;
	while (*p == ' ' || *p == '\t')
		p++;
	for (n = 0; p[n] && p[n] != ' ' && p[n] != '\t' && n + 1 < sizeof cls; n++)
		cls[n] = p[n];
	cls[n] = '\0';
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (strcasecmp(cls, bad[i]) == 0)
			return 1;
	/* sequence/switch maps name other maps; anything unknown is
	 * rejected by map_declare itself */
	return 0;
}

/* what cf_init() does not undo: the global tables */
static void reset_globals(void)
{
	class_reset();
	map_reset_all();
	scan_set_operators(".:@[]");
}

/* best-effort release of what one input allocated in the cf */
static void cf_discard(cf_t *cf)
{
	int i;
	size_t j;

	for (i = 0; i < MAXRWSETS; i++) {
		ruleset_t *rs = &cf->rs[i];
		/* the rules' token vectors are in cf->ar, freed below */
		free(rs->rules);
		free(rs->name);
	}
	for (j = 0; j < cf->ntrusted; j++)
		free(cf->trusted[j]);
	free(cf->trusted);
	for (j = 0; j < cf->nheaders; j++)
		free(cf->headers[j]);
	free(cf->headers);
	free(cf->vendor);
	mac_clear(&cf->mac);
	arena_free(&cf->ar);
	/* mailers and option values are left to the leak-free exit */
}

static void try_address(cf_t *cf, const char *addr, int extra)
{
	tokvec_t tv;
	arena_t ar;
	scanner_t sc;
	rwctx_t cx;

	tv_init(&tv);
	arena_init(&ar);
	memset(&sc, 0, sizeof sc);
	sc.mode = SCAN_NOC;
	if (scan_address(&sc, addr, &tv, &ar) == 0 && tv.n > 0) {
		memset(&cx, 0, sizeof cx);
		cx.cf = cf;
		cx.trace = trace;
		cx.ar = &ar;
		if (rewrite(&cx, 3, &tv) == 0)
			rewrite(&cx, 0, &tv);
		if (extra >= 0 && extra != 3 && extra != 0)
			rewrite(&cx, extra, &tv);
	}
	tv_free(&tv);
	arena_free(&ar);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cf_t cf;
	static const char *const defaults[] = {
		"user@host.example", "<a@[127.0.0.1]>", "\"q x\"@b (c)", "x!y%z@w",
	};
	const char *addrs[MAX_ADDRS];
	char *in, *line, *next;
	int lineno = 0, naddrs = 0, last_s = -1, i;

	if (size > FUZZ_MAX_INPUT)
		size = FUZZ_MAX_INPUT;
	in = malloc(size + 1);
	memcpy(in, data, size);
	in[size] = '\0';

	reset_globals();
	cf_init(&cf);
	CF = &cf;
	cf_setup_default_mailers(&cf);
	cf.file = "fuzz.cf";

	for (line = in; line != NULL; line = next) {
		char *copy;

		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		if (line[0] == 'F')
			continue;
		if (line[0] == 'K' && unsafe_k_line(line))
			continue;
		if (line[0] == 'A') {
			if (naddrs < MAX_ADDRS)
				addrs[naddrs++] = line + 1;
			continue;
		}
		copy = strdup(line);   /* cf_line may write into its line */
		cf_line(&cf, copy, lineno);
		free(copy);
		if (line[0] == 'S') {
			char nm[64];
			size_t k = 0;
			const char *p = line + 1;
			while (*p == ' ' || *p == '\t')
				p++;
			while (*p && *p != '=' && !isspace((unsigned char)*p) && k + 1 < sizeof nm)
				nm[k++] = *p++;
			nm[k] = '\0';
			last_s = k ? cf_ruleset_lookup(&cf, nm) : -1;
		}
	}
	cf_lineno = 0;
	cf_bind_all_calls(&cf);

	/* (no host map exists here: $[ $] reports "map host not found",
	 * unless the input declared a map named "host" of a safe class) */
	if (naddrs == 0)
		for (i = 0; i < MAX_ADDRS; i++)
			addrs[naddrs++] = defaults[i];
	for (i = 0; i < naddrs; i++)
		try_address(&cf, addrs[i], last_s);

	if (verbose)
		fflush(stdout);
	cf_discard(&cf);
	free(in);
	return 0;
}
