/* aliases.h - the alias database: reading alias files, rebuilding their
 * Berkeley DB form (newaliases, sendmail -bi), the maps the AliasFile
 * option declares (Alias0.., aliases.files, aliases), and expanding a
 * local recipient through them (-bv).
 *
 * An alias file is read in logical lines: a physical line, lines joined
 * by a backslash before the newline, and continuation lines that start
 * with a blank; the whole logical line must fit the reference's 8192-byte
 * line buffer.  Each logical line is "name: value".  The database stores
 * the key (the local user the name parses to, lowercased unless -f) and
 * the value, both with a trailing NUL, and last the "@" -> "@" entry that
 * marks the rebuild complete. */
#ifndef SM_ALIASES_H
#define SM_ALIASES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "conf/cf.h"
#include "lib/buf.h"

/* the reference reads alias lines into an 8192-byte buffer */
#define ALIAS_LINE_MAX 8192

/* ---------------------------------------------------------- line reader */
typedef struct alias_reader {
	FILE *f;
	int lineno;          /* physical line of the last byte read */
	int toolong_line;    /* where the last AL_TOOLONG line overflowed */
} alias_reader_t;

enum { AL_EOF = 0, AL_LINE = 1, AL_TOOLONG = 2 };

/* next logical line into line (without newlines): AL_LINE, AL_EOF, or
 * AL_TOOLONG when it did not fit (the rest of that line and its
 * continuation lines were skipped) */
int alias_read_line(alias_reader_t *r, buf_t *line);

/* ---------------------------------------------------------- one line */
typedef struct alias_entry {
	buf_t key;           /* the local user, as the map stores it */
	buf_t lhs;           /* the name as written, for messages */
	const char *value;   /* points into the line */
	size_t vlen;
} alias_entry_t;

/* how a line's problems are reported: kind is one of AD_* */
enum { AD_SYSERR = 1, AD_USRERR, AD_WARN };
typedef void (*alias_diag_fn)(void *arg, int kind, int exitstat, const char *msg);

/* parse one logical line; 1 an entry, 0 nothing (comment, blank or an
 * error already reported through diag) */
int alias_parse_line(cf_t *cf, const char *line, bool foldcase, alias_entry_t *e,
		     alias_diag_fn diag, void *arg);
void alias_entry_init(alias_entry_t *e);
/* where parsing a name traces its rulesets (-bt reading a text alias
 * file shows them); NULL: nowhere */
extern FILE *alias_parse_trace;
void alias_entry_free(alias_entry_t *e);

/* ---------------------------------------------------------- rebuild */
/* sendmail -bi / newaliases: rebuild every database the AliasFile option
 * names; returns the exit status */
int alias_newaliases(cf_t *cf);

/* ---------------------------------------------------------- maps */
/* the class of "aliases" and "aliases.files": the named maps in order */
#define ALIAS_SEQ_CLASS "aliasfiles"
void alias_register_class(void);
/* declare Alias0.., aliases.files and aliases from the AliasFile option */
void alias_declare_maps(cf_t *cf);
/* the AliasFile list split into specs ("class:flags file" or "file") */
char **alias_file_specs(const char *opt, size_t *n);
void alias_free_specs(char **v, size_t n);

/* the alias database check when a Berkeley DB alias map opens
 * (alias_wait.c): wait up to AliasWait seconds for the "@" marker, warn
 * when out of date.  warn false keeps the warning off the output (-bv
 * without -v); the syslog line is written in any case */
void alias_wait_config(long seconds, bool warn);
struct map;
int alias_db_opened(struct map *m);
/* a message of the alias database on the output, unless warn is false */
void alias_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool alias_note_shown(void);
/* an implicit alias map without its database: read the text file into
 * memory (alias_text.c); returns the open status */
int alias_db_missing(struct map *m);
void alias_text_config(cf_t *cf);
/* where reading the text version traces the rulesets of each name: only
 * address test mode (-bt) shows them (stdout); NULL (the default): nowhere */
void alias_text_trace(FILE *f);

/* look a local name up in the aliases map: 1 found (value in out), 0 not;
 * *stat as map_lookup reports it */
int alias_lookup(const char *name, buf_t *out, int *stat);

/* text of an error mailer's user part: quotes and the leading reply
 * code removed (as -bv and newaliases print it) */
const char *alias_error_text(const char *user, buf_t *out);

#endif
