/* map.h - the one map interface: K lines, $( $) lookups, /map in -bt.
 *
 * A map is declared by a K line ("Kname class flags args").  The generic
 * layer here parses the common flags, folds keys, tries the key with and
 * without a trailing NUL (-N/-O), and rewrites results (-a, %0..%9,
 * -m, -q); each class supplies only open/lookup/close on raw keys. */
#ifndef SM_MAP_H
#define SM_MAP_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/buf.h"

/* lookup status, sysexits values as the reference reports them */
#define MAP_OK        0    /* EX_OK: found */
#define MAP_NOTFOUND  68   /* EX_NOHOST as used by the host map */
#define MAP_TEMPFAIL  75   /* EX_TEMPFAIL */
#define MAP_UNAVAIL   69   /* EX_UNAVAILABLE */
#define MAP_CONFIG    78   /* EX_CONFIG */

/* map flags (MF_*) parsed from the K line */
enum {
	MF_OPTIONAL   = 1 << 0,  /* -o: missing file is not an error */
	MF_NOFOLDCASE = 1 << 1,  /* -f: keys are not lowercased */
	MF_MATCHONLY  = 1 << 2,  /* -m: return the key, not the value */
	MF_INCLNULL   = 1 << 3,  /* -N: keys include a trailing NUL */
	MF_TRY0NULL   = 1 << 4,  /* try the key without NUL */
	MF_TRY1NULL   = 1 << 5,  /* try the key with NUL */
	MF_KEEPQUOTES = 1 << 6,  /* -q */
	MF_DEFER      = 1 << 7,  /* -D */
	MF_APPEND     = 1 << 8,  /* -A */
	MF_NOREWRITE  = 1 << 9,  /* -r */
	MF_TEMPFAILNOMATCH = 1 << 10, /* -t */
	MF_ALIAS      = 1 << 11,
	MF_CLASSFLAGS = 1 << 12, /* class defflags: parse_flag sees every flag first */
};

struct map;

typedef struct map_class {
	const char *name;
	/* class-specific flag: called for each "-x" the generic parser does
	 * not know; returns 0 if consumed (may consume *argp), -1 if unknown */
	int (*parse_flag)(struct map *m, int flag, const char **argp);
	/* after flags: remaining text (usually the file name) */
	int (*parse_rest)(struct map *m, const char *rest);
	int (*open)(struct map *m);                 /* 0 ok; else MAP_* status */
	/* raw lookup: key bytes as given (already folded / NUL-adjusted);
	 * on MAP_OK the value bytes go to out (without trailing NUL). */
	int (*lookup)(struct map *m, const char *key, size_t klen, buf_t *out);
	/* full lookup override for classes that do their own key handling
	 * (host, dns, arith, sequence...): returns status, result in out,
	 * args are the $@ arguments. NULL means use the generic path. */
	int (*lookup_full)(struct map *m, const char *key, const char **args,
			   int nargs, buf_t *out, int *stat);  /* 1 found, 0 not */
	void (*close)(struct map *m);
	unsigned defflags;
} map_class_t;

typedef struct map {
	char *name;
	const map_class_t *cls;
	unsigned flags;
	char *file;          /* file or other argument text */
	char *app;           /* -a append string */
	char *tapp;          /* -T tempfail append string */
	char *keycol, *valcol; /* -k -v */
	char *coldelim;      /* -z */
	int spacesub;        /* -S */
	char *args;          /* the whole K line argument text */
	void *handle;        /* class private */
	int open_status;     /* result of first open attempt */
	bool tried_open;
	struct map *next;
} map_t;

/* registry of classes */
void map_register_class(const map_class_t *cls);
const map_class_t *map_find_class(const char *name);
void map_register_builtin_classes(void);

/* declare a map from a K line body ("name class args"); errors are
 * reported through errfn and return -1 */
typedef void (*map_errfn)(const char *msg, void *arg);
map_t *map_declare(const char *line, map_errfn err, void *errarg);
map_t *map_find(const char *name);
void map_reset_all(void);

/* The lookup used by rules and by /map: key is the map key text,
 * args[0..nargs) the $@ arguments (args[0] is %1).  Returns 1 when
 * found (rewritten result in out), 0 when not; *stat gets the status
 * the reference reports (0, EX_NOHOST, EX_TEMPFAIL, EX_CONFIG, ...). */
int map_lookup(map_t *m, const char *key, const char **args, int nargs, buf_t *out, int *stat);

/* format a result per the reference's map_rewrite: %0 = key, %1..%9 args,
 * then append m->app */
void map_rewrite(map_t *m, const char *val, size_t vlen, const char *key,
		 const char **args, int nargs, buf_t *out);

/* the -z column delimiter as a character ("\t" and "\n" spelled out
 * name a tab and a newline); 0 when there is none */
int map_coldelim_char(const map_t *m);

/* open all non-optional maps at startup, as the reference does */
void map_open_all(void);
/* open m if not yet tried: MAP_OK, MAP_TEMPFAIL (a required map that
 * cannot be used: lookups fail temporarily) or MAP_UNAVAIL (an optional
 * map that did not open, or a map closed for good: "not open") */
int map_usable(map_t *m);
/* parse_rest for file-based classes: the first word is the file name */
int map_parse_filename(map_t *m, const char *rest);

/* the reference's safety checks on a map file (directories on the path,
 * owner, mode): 0 safe, 1 missing, 2 unsafe (*why says why) */
#define SF_OK      0
#define SF_MISSING 1
#define SF_UNSAFE  2
int map_safefile(const char *path, const char **why);

/* for classes while their K line is parsed (parse_flag, parse_rest): an
 * error reported as the cf reader reports its own ("FILE: line N: ...",
 * exit status 70); outside a K line it goes to map_message */
void map_conf_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* run-time system errors of map classes (map_syserr.c): the message,
 * ": strerror(err)" when err is not 0, on map_message; the exit status
 * becomes EX_OSERR (err set) or EX_SOFTWARE unless one is set already */
void map_syserr(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* a declared map whose K line was bad: lookups say "not open" */
void map_never_opens(map_t *m);

/* called when a Berkeley DB map flagged MF_ALIAS has opened (the alias
 * database check); returns the map's open status.  NULL: no check */
extern int (*map_alias_opened)(map_t *m);
/* called instead when an implicit MF_ALIAS map's database is missing */
extern int (*map_alias_missing)(map_t *m);

/* messages: maps print diagnostics through this hook (set by the mode) */
extern void (*map_message)(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* host map: keep the resolver's notes ("Name server timeout") off
 * standard output (an SMTP session's replies go there) */
void map_host_quiet(bool on);

#endif
