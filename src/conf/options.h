/* options.h - the typed table of sendmail.cf options (O lines, -O/-o).
 *
 * Every option the reference (sendmail 8.17) accepts has an entry: long
 * name (matched without regard to case, and by unique prefix with a
 * warning, as the reference does), the old one-letter name where one
 * exists, a type, the compiled-in default and, for word-valued options,
 * the legal words.  Each Timeout.x and Milter.x sub-option is an entry of
 * its own.  Values are kept as text and parsed once when set: times in
 * seconds, sizes in bytes, modes from octal, booleans as 0/1, enums as
 * their canonical letter, flag lists as bit masks.
 *
 * Diagnostics go through err(msg, arg) with the reference's words, minus
 * the "file: line N: " prefix, which is the caller's.  Before each call
 * ov->msgkind says how the reference shows and counts that message (see
 * opt_msgkind); a message may contain '\n' (print it as it is, then a
 * newline).  ov->exitstat and ov->nerrors accumulate the effect on the
 * exit status. */
#ifndef SM_OPTIONS_H
#define SM_OPTIONS_H
#include <stdbool.h>

typedef enum opt_type {
	OT_BOOL,     /* "" or t/T/y/Y... is true, anything else false */
	OT_INT,      /* atoi-like: leading number, junk ignored, no error */
	OT_SIZE,     /* the same in a long (no k/M suffixes: the reference has none) */
	OT_TIME,     /* "1h30m", default unit per option; num in seconds */
	OT_MODE,     /* octal file mode */
	OT_STR,      /* text */
	OT_CHAR,     /* one character (num = the character) */
	OT_ENUM,     /* one of words (num = canonical letter or index) */
	OT_FLAGS,    /* list of words (num = bit mask where meaningful) */
	OT_SPECIAL,  /* own syntax: see opt_set() */
	OT_LIST = OT_FLAGS  /* old name */
} opt_type;

/* entry flags */
#define OF_SUB     0x01  /* Timeout.x / Milter.x: not found by prefix */
#define OF_NOLONG  0x02  /* no long name (g, M) */
#define OF_HIDDEN  0x04  /* second half of a two-part value; no name */
#define OF_QUOTES  0x08  /* double quotes are removed, \ quotes a char */
#define OF_ACCUM   0x10  /* words add to earlier settings (PrivacyOptions) */
#define OF_EXT     0x20  /* our extension: matched by its exact name only */

typedef enum opt_id {
	OPT_NONE = 0,
#define X(id, name, c, type, dflt, unit, min, words, flags) OPT_##id,
#include "conf/options_list.h"
#undef X
	OPT__COUNT
} opt_id;

typedef struct optdef {
	opt_id id;
	const char *name;        /* "" for g, M and hidden entries */
	char shortname;          /* old one-letter name, 0 if none */
	opt_type type;
	const char *dflt;        /* compiled-in default, NULL if unset */
	long min, max;           /* warning thresholds (0: none) */
	const char *const *words;/* legal words (NULL-terminated) or NULL */
	char unit;               /* OT_TIME: default unit s/m/h/d */
	unsigned flags;          /* OF_* */
} optdef_t;

/* How the reference shows a message and what it does to the run. */
typedef enum opt_msgkind {
	OMK_SYSERR = 1, /* "file: line N: " + msg; exit status EX_SOFTWARE (70);
	                   in modes other than -bt the reference stops after
	                   reading the configuration */
	OMK_USRERR,     /* prefixed; counts as an error: -bv ends with EX_USAGE
	                   (64), -bt's status is unchanged */
	OMK_FATAL,      /* prefixed; the reference exits at once with EX_USAGE */
	OMK_WARN,       /* prefixed; no effect on the status */
	OMK_NOTE        /* printed without any prefix; no effect */
} opt_msgkind;

typedef struct optvals {
	char *raw[OPT__COUNT];
	long num[OPT__COUNT];
	unsigned char set[OPT__COUNT];
	unsigned char sticky[OPT__COUNT]; /* set from the command line */
	bool cmdline;     /* caller: true while applying -O/-o options */
	bool rules_seen;  /* caller: true once an R line has been read */
	int msgkind;      /* opt_msgkind of the message being reported */
	int exitstat;     /* 0, or the EX_* status the messages so far imply */
	int nerrors;      /* OMK_SYSERR/USRERR/FATAL messages so far */
	bool numbers_only; /* the compiled-in defaults' scratch set: raw texts not kept */
} optvals_t;

typedef void (*opt_errfn)(const char *msg, void *arg);

/* opt_set_line() results */
#define OPT_OK     0
#define OPT_ERR   (-1)  /* reported; the reference goes on */
#define OPT_FATAL (-2)  /* reported (OMK_FATAL); the reference exits 64 now */
#define OPT_MACRO  1    /* "M..." line: define macro from body+1 (caller) */

/* value of a time option set to "now" */
#define OPT_TIME_NOW (-1L)

/* num of SuperSafe */
#define OPT_SS_FALSE 0
#define OPT_SS_TRUE 1
#define OPT_SS_INTERACTIVE 2
#define OPT_SS_POSTMILTER 3
/* num of DontProbeInterfaces: 0, 1, or this */
#define OPT_DPI_LOOPBACK 2

/* num of PrivacyOptions: these bits (or'ed over all settings) */
#define PRIV_NEEDMAILHELO      0x0001
#define PRIV_NEEDEXPNHELO      0x0002
#define PRIV_NOEXPN            0x0004
#define PRIV_NEEDVRFYHELO      0x0008
#define PRIV_NOVRFY            0x0010
#define PRIV_NOETRN            0x0020
#define PRIV_NOVERB            0x0040
#define PRIV_RESTRICTMAILQ     0x0080
#define PRIV_RESTRICTQRUN      0x0100
#define PRIV_RESTRICTEXPAND    0x0200
#define PRIV_NORECEIPTS        0x0400
#define PRIV_NOBODYRETN        0x0800
#define PRIV_AUTHWARNINGS      0x1000
#define PRIV_NOACTUALRECIPIENT 0x2000
#define PRIV_GOAWAY (PRIV_NEEDMAILHELO | PRIV_NEEDEXPNHELO | PRIV_NOEXPN | PRIV_NEEDVRFYHELO | \
	PRIV_NOVRFY | PRIV_NOVERB | PRIV_AUTHWARNINGS | PRIV_NOACTUALRECIPIENT)
/* num of DontBlameSendmail: bit (1 << i) for word i of the list after
 * "Safe" (i.e. opt_def(OPT_DontBlameSendmail)->words[i + 1]) */
/* num of EightBitMode, DeliveryMode, ErrorMode, QueueSortOrder: the
 * letter ('p', 'i', ...); NoRecipientAction: index in its words */

const optdef_t *opt_find(const char *name);  /* exact long name, any case; NULL if unknown */
const optdef_t *opt_find_short(int c);       /* one-letter name; NULL if unknown */
const optdef_t *opt_def(opt_id id);
void opt_init(optvals_t *ov);                /* defaults */
void opt_free(optvals_t *ov);

/* Parse an O line body (the text after the 'O'):
 *   " Name=value"  long form: exactly one blank, then the name (up to '=';
 *                  trailing blanks dropped) and the value (leading blanks
 *                  dropped); "Name.sub=value" for Timeout/Milter;
 *   "Xvalue"       one-letter form, value taken verbatim.
 * Unknown and ambiguous names, abbreviations and bad values are reported
 * as the reference reports them.  Returns OPT_OK (possibly after warnings),
 * OPT_ERR, OPT_FATAL or OPT_MACRO. */
int opt_set_line(optvals_t *ov, const char *body, opt_errfn err, void *arg);
/* Set one option to value (the text after '=').  For d == Timeout the value
 * is the old list form ("5m" or "initial=5m,helo=3m"); for QueueTimeout
 * "return[/warn]"; for Milter use opt_set_line("Milter.x=..."). */
int opt_set(optvals_t *ov, const optdef_t *d, const char *value, opt_errfn err, void *arg);
/* Checks the reference makes after the whole configuration (and -O) is in:
 * SingleThreadDelivery without HostStatusDirectory, SuperSafe=interactive
 * without DeliveryMode=interactive.  Messages are OMK_NOTE. */
void opt_finish(optvals_t *ov, opt_errfn err, void *arg);

const char *opt_str(const optvals_t *ov, opt_id id);  /* raw text, else default, else NULL */
long opt_num(const optvals_t *ov, opt_id id);         /* parsed value (default if unset) */
bool opt_bool(const optvals_t *ov, opt_id id);
bool opt_is_set(const optvals_t *ov, opt_id id);

/* A time interval ("1w2d3h4m5s"; unit for bare numbers) in seconds, as the
 * reference reads it: unknown unit letters count as the default unit,
 * "now" is OPT_TIME_NOW.  The _err form reports "Invalid time unit `c'". */
long opt_convtime(const char *p, int unit);
long opt_convtime_err(optvals_t *ov, const char *p, int unit, opt_errfn err, void *arg);

#endif
