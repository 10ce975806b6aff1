/* envelope.h - one message as the queue holds it.
 *
 * An envelope_t is the in-memory form of a qf file: the sender, the
 * recipients still to be delivered with their DSN data, the headers, the
 * macros saved for the queue run, and the counters a queue run updates.
 * Every module that handles a message works on one: submission
 * (src/submit), the SMTP server, queue runs, delivery, bounces and mailq;
 * src/queue/qf_write.c and qf_read.c turn an envelope into a qf file and
 * back.
 *
 * Text fields are NUL-terminated heap strings owned by the envelope
 * (NULL when the qf line is absent).  Header values may hold the
 * reference's macro byte (MACRO_BYTE followed by a macro name) where a
 * macro is expanded only at delivery time, exactly as the qf stores it.
 *
 * Flag letters (the F line of the envelope, the flags before ':' on an R
 * line) are kept as letter sets so that letters this program does not
 * interpret still survive a read and a rewrite of a qf file written by the
 * reference. */
#ifndef SM_ENVELOPE_H
#define SM_ENVELOPE_H
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

/* the byte that starts a macro reference inside a stored header value */
#define MACRO_BYTE 0x81

/* ---------------------------------------------------------------- letters */
/* A set of the letters A-Z and a-z: bit (c - 'A') for upper case,
 * 26 + (c - 'a') for lower case. */
typedef uint64_t letterset_t;

static inline int letter_bit(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return 26 + (c - 'a');
	return -1;
}
static inline bool letter_has(letterset_t s, int c)
{
	int b = letter_bit(c);
	return b >= 0 && (s >> b) & 1;
}
static inline void letter_set(letterset_t *s, int c, bool on)
{
	int b = letter_bit(c);
	if (b < 0)
		return;
	if (on)
		*s |= (letterset_t)1 << b;
	else
		*s &= ~((letterset_t)1 << b);
}

/* envelope flags (F line) -- op.txt Appendix B */
#define EF_8BIT        '8'   /* not a letter: kept in ef_8bit below */
#define EF_BCC         'b'   /* remove Bcc: before delivery (-t) */
#define EF_RET_PARAM   'd'   /* RET= was given */
#define EF_NO_BODY     'n'   /* RET=HDRS: return headers only */
#define EF_RESPONSE    'r'   /* this is a response (bounce) message */
#define EF_SPLIT       's'   /* the envelope has been split */
#define EF_WARNED      'w'   /* a delay warning has been sent */

/* recipient flags (letters before ':' on an R line) */
#define RF_PRIMARY     'P'   /* named by the submitter, not an expansion */
#define RF_NOTIFY_SUCC 'S'
#define RF_NOTIFY_FAIL 'F'
#define RF_NOTIFY_DELAY 'D'
#define RF_HAS_NOTIFY  'N'   /* NOTIFY= given explicitly */
#define RF_ALIAS       'A'   /* produced by alias expansion */

/* ---------------------------------------------------------------- parts */
typedef struct hdr {
	struct hdr *next;
	char *name;          /* field name as written ("Subject") */
	char *value;         /* the text after "name:" and its leading blanks
	                        (those are in lead); continuation lines joined
	                        with "\n" and kept with their leading blank */
	char *cond;          /* the mailer-flag letters between ?..? of an H
	                        line ("P" for ?P?), NULL or "" for none */
	char *lead;          /* the blanks between ':' and the value exactly as
	                        received ("", "\t", "  "); NULL: one space
	                        before a non-empty value (the usual case) */
	unsigned long flags; /* H_* (src/addr/header.h) */
} hdr_t;

/* delivery state of one recipient during a run (not stored in the qf) */
enum rcpt_state {
	RS_QUEUED = 0,   /* still to be tried (written back as an R line) */
	RS_SENT,         /* delivered: dropped from the qf */
	RS_FAILED,       /* permanent failure: bounced, dropped */
	RS_DEFERRED,     /* temporary failure: kept */
	RS_EXPANDED,     /* replaced by its alias expansion: dropped */
	RS_DUPLICATE     /* same as an earlier recipient: dropped */
};

typedef struct rcpt {
	struct rcpt *next;
	char *addr;          /* R line text after "flags:", as given */
	letterset_t flags;   /* RF_* letters */
	char *orcpt;         /* Q line: ORCPT= ("rfc822;dave@example.com") */
	char *final;         /* r line: DSN final recipient ("RFC822; a@b") */
	char *ctl;           /* C line: "user:uid:gid:alias", or NULL; ""
	                        for an empty C line (mailq -v shows "(------)") */
	char *rmsg;          /* M line just before this recipient's R line:
	                        its last status as mailq -v shows it (the
	                        reference writes the remote SMTP reply of a
	                        deferred recipient here), NULL when none */
	/* run time only */
	enum rcpt_state state;
	char *mailer, *host, *user;   /* the resolved triple */
	char *owner;         /* owner-X's value when an alias X with an owner
	                        produced this recipient (the list's sender) */
	int mailer_index;    /* the mailer's number (-1 unknown) */
	char *status;        /* DSN status ("4.4.1"), NULL before a try */
	char *statmsg;       /* the stat= text of the last attempt */
	char *relay;         /* relay= of the last attempt */
	/* for delivery status notifications (src/dsn), run time only */
	char *diag;          /* Diagnostic-Code text ("550 5.1.1 User unknown",
	                        or a mailer's exit status "69"), NULL none */
	char *reason;        /* "(reason: ...)" of the bounce, NULL none */
	time_t tried;        /* Last-Attempt-Date, 0 not tried */
	int dsn_due;         /* 0, or the report this recipient goes in:
	                        'f' failure, 'r' receipt, 'd' delay */
	unsigned long fail_seq;  /* when its failure was noted (a process-wide
	                        count): the report names the latest one */
	bool unparsed;       /* refused by ruleset 0 ($#error) at submission:
	                        not one of the message's recipients (nrcpts=) */
} rcpt_t;

/* one saved macro: a "$" line */
typedef struct qmacro {
	char *name;          /* "_", "r", "{daemon_flags}" */
	char *value;
} qmacro_t;

typedef struct envelope {
	char qid[32];        /* "6ALNh6Et000176"; "" until assigned */
	char *qdir;          /* the queue directory holding the qf */
	int version;         /* V line; 8 when written by us */
	time_t ctime;        /* T: creation */
	time_t last_try;     /* K: last delivery attempt, 0 never */
	long ntries;         /* N */
	long prio;           /* P */
	bool have_inode;     /* I line present */
	unsigned long df_major, df_minor, df_ino;  /* I: dev major/minor/inode */
	char *msg;           /* M: status shown by mailq */
	char *quarantine;    /* q: quarantine reason */
	char *bodytype;      /* B: "7BIT" / "8BITMIME" */
	letterset_t eflags;  /* F letters */
	bool ef_8bit;        /* the '8' F flag (not a letter) */
	bool keep_empty;     /* run state, not stored: recipients expired with
	                        no failure report due (NOTIFY without FAILURE):
	                        the qf stays, recipient-less, for a later run
	                        to drop silently, as the reference does */
	char *dfdir;         /* d: directory of the df when elsewhere */
	qmacro_t *macros;    /* "$" lines in file order */
	size_t nmacros, macros_cap;
	char *sender;        /* S */
	char *auth;          /* A: AUTH= parameter */
	char *envid;         /* Z: ENVID= */
	rcpt_t *rcpts, **rcpts_tail;
	hdr_t *hdrs, **hdrs_tail;
	char **unknown;      /* qf lines we do not interpret, kept verbatim */
	size_t nunknown;
	/* run time only */
	long msgsize;        /* size of the df in bytes (mailq, from=) */
	long bodysize;       /* size of the body as counted at submission */
	long msgclass;       /* class= (Precedence) */
	int nrcpts;          /* nrcpts= of the from= line */
	int dup_rcpts;       /* recipients named again at submission (queued
	                        once): a Received "for" needs one named once */
	char *xscript;       /* transcript of this delivery run (the DSN's
	                        "Transcript of session"), NULL when empty */
	int dsn_depth;       /* 0: a message; 1: a DSN; 2: a DSN about a DSN */
	long report_base;    /* a report: the size its own reports count from
	                        (its original's counted size + 1024) */
	bool unreported;     /* a failure of this DSN about a DSN reached no
	                        one (no report is made at that depth) */
	bool panic;          /* a report about this message failed and could
	                        not be reported either: the qf is kept as Qf
	                        ("savemail panic"), never removed */
} envelope_t;

void env_init(envelope_t *e);
void env_free(envelope_t *e);                 /* frees every part */
rcpt_t *env_add_rcpt(envelope_t *e, const char *addr, letterset_t flags);
hdr_t *env_add_hdr(envelope_t *e, const char *name, const char *value,
		   const char *cond, unsigned long flags);
/* the same for a value as written after the colon: its leading blanks
 * become lead ("X:y", "X:  y" and "X: y" are stored apart) */
hdr_t *env_add_hdr_raw(envelope_t *e, const char *name, const char *raw,
		       const char *cond, unsigned long flags);
/* first header named name (case-insensitive), NULL if none */
hdr_t *env_find_hdr(const envelope_t *e, const char *name);
void env_set_macro(envelope_t *e, const char *name, const char *value);
const char *env_get_macro(const envelope_t *e, const char *name);
/* replace a text field (frees the old value; value may be NULL) */
void env_set_str(char **field, const char *value);

#endif
