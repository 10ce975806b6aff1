/* cf.h - the loaded sendmail.cf: rulesets, mailers, macros, options.
 *
 * One cf_t holds everything read from sendmail.cf (and -O/-D overrides).
 * Rulesets are numbered 0..MAXRWSETS-1; named rulesets without "=N" get
 * numbers counted down from MAXRWSETS-1 as in the reference, so traces
 * and "=S" dumps print the same names. */
#ifndef SM_CF_H
#define SM_CF_H
#include <stdbool.h>
#include <stdio.h>
#include "conf/macro.h"
#include "conf/options.h"
#include "rewrite/token.h"

#define MAXRWSETS 200
#define MAXMAILERS 25

typedef struct rule {
	tokvec_t lhs, rhs;     /* valid once pending is false (cf_rule_ready) */
	int line;
	bool pending;          /* read and checked, not tokenized yet */
	const char *src_lhs, *src_rhs;   /* its text meanwhile (in the cf's arena) */
	tokset_t need;        /* small tokens the left side requires */
	size_t minlen;        /* fewest workspace tokens it can match */
	int nbind;            /* $1..$n the left side binds */
	bool lookups;         /* the right side has $[ or $( */
	bool calls;           /* the right side has $> */
	bool literal_first;   /* the left side starts with a literal token */
} rule_t;

typedef struct ruleset {
	char *name;          /* NULL for plain numbered sets */
	rule_t *rules;
	size_t n, cap;
	bool used;           /* declared by an S line */
} ruleset_t;

typedef struct mailer {
	char *name;
	int index;
	char *path;          /* P= */
	unsigned char flags[256];
	int se, sh, re, rh;  /* S=env/hdr R=env/hdr ruleset numbers, -1 none */
	long maxsize;        /* M= */
	long linelimit;      /* L= */
	char *eol;           /* E= (unescaped) */
	char *argv;          /* A= */
	char *dir;           /* D= */
	char *charset;       /* C= */
	char *mtatype, *addrtype, *diagtype;  /* T= */
	long uid, gid;       /* U= (-1 unset) */
	char *user;          /* U= user name when not numeric */
	long nice;           /* N= */
	long maxmsgs;        /* m= */
	long maxrcpt;        /* r= */
	long wait;           /* W= */
	char *qgrp;          /* Q= */
} mailer_t;

/* a P line: Precedence: name and its class */
typedef struct cf_prec {
	char *name;
	long class;
} cf_prec_t;

typedef struct cf {
	const char *file;
	int version;          /* V level */
	char *vendor;
	macros_t mac;
	ruleset_t rs[MAXRWSETS];
	short rsname_hash[512];  /* ruleset number + 1 by name hash, 0 empty */
	int next_named;       /* next number for unnumbered named sets */
	mailer_t *mailer[MAXMAILERS];
	int nmailers;
	optvals_t opt;
	arena_t ar;           /* token texts of rules */
	int errors;           /* count of config errors reported */
	size_t npending;      /* rules read but not tokenized yet */
	bool calls_bound;     /* cf_bind_all_calls has run */
	int exitstat;         /* worst exit status so far */
	char **trusted;       /* T lines */
	size_t ntrusted;
	char **headers;       /* H lines, raw */
	size_t nheaders;
	cf_prec_t *prec;      /* P lines */
	size_t nprec, prec_cap;
} cf_t;

/* the class of a Precedence: value (P lines, case-insensitive); found is
 * false (and the class 0) for a value no P line names */
long cf_prec_class(const cf_t *cf, const char *name, bool *found);

/* diagnostic sink: the reference prints cf errors as
 * "FILE: line N: message" on stderr (or stdout in -bt) */
typedef void (*cf_errfn)(const char *msg, void *arg);

void cf_init(cf_t *cf);
/* the same for a cf whose memory is all zero already (static storage
 * not used yet: 30 KB not written twice, pages not touched for nothing) */
void cf_init_zeroed(cf_t *cf);
/* read sendmail.cf; returns 0, or -1 if the file could not be read */
int cf_read(cf_t *cf, const char *path, bool safe);
/* resolve "$> name" references once all S lines are known */
void cf_bind_all_calls(cf_t *cf);
/* Rules are checked when read but tokenized when first used (every
 * submission reads the whole cf and runs a few of its rulesets): a rule
 * whose text expands no macro and tests no condition is kept as text
 * until then.  cf_rule_ready tokenizes one, cf_ruleset_ready a whole
 * ruleset, cf_rules_ready all (before anything that would change how the
 * text tokenizes: OperatorChars, a new ruleset name). */
void cf_rule_ready_slow(cf_t *cf, rule_t *r);
static inline void cf_rule_ready(cf_t *cf, rule_t *r)
{
	if (r->pending)
		cf_rule_ready_slow(cf, r);
}
void cf_ruleset_ready(cf_t *cf, int rs);
void cf_rules_ready(cf_t *cf);
/* one line of cf text (also used by -O and tests); lineno for messages */
void cf_line(cf_t *cf, char *line, int lineno);
/* one option: an O line body, or -O/-o text (with a leading blank for
 * the long form); reports as the reference does, exits 64 on a fatal
 * one.  Returns OPT_OK or OPT_ERR. */
int cf_option(cf_t *cf, const char *body);
/* how a fatal option error ends the process (exit; tests replace it) */
extern void (*cf_fatal_exit)(int status);
/* the reporter options use (knows the kinds of option messages) */
void cf_opt_err(const char *msg, void *arg);
/* ruleset number for a name or number text, -1 if undefined */
int cf_ruleset_lookup(cf_t *cf, const char *name);
/* the number of a ruleset named (or numbered) by name, giving a name
 * not seen yet the next free number, as an S line would: mailers' S=
 * and R= may name rulesets defined further down */
int cf_ruleset_enter(cf_t *cf, const char *name);
/* the same for the word after $>, which may be quoted ("name") */
int cf_ruleset_lookup_quoted(cf_t *cf, const char *name);
const char *cf_ruleset_name(const cf_t *cf, int n, char *buf, size_t bufsz);
mailer_t *cf_mailer(cf_t *cf, const char *name);
void cf_setup_default_mailers(cf_t *cf);
/* report a config error with the current file/line prefix */
void cf_err(cf_t *cf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
extern int cf_lineno;

/* expand $x macros in text (the reference's expand()) */
void cf_expand(const cf_t *cf, const char *in, buf_t *out);
/* the one global config (set by main) */
extern cf_t *CF;

#endif
