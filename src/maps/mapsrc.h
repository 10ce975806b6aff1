/* mapsrc.h - reading makemap's input: the reference's line discipline.
 *
 * Input is read in chunks of at most MAPSRC_LINEMAX - 1 bytes, each ending
 * at a newline (as fgets with a 1024-byte buffer does), and every chunk
 * counts as a line.  A chunk is cut at its first NUL byte; one with no
 * newline in that part is "too long" (and skipped) unless the input ended
 * while it was read.  A line then splits into key and value: the key runs
 * to the first blank (or the -t delimiter), the value starts after the
 * run of blanks (delimiters) that follows and keeps trailing blanks. */
#ifndef SM_MAPSRC_H
#define SM_MAPSRC_H
#include <stdbool.h>
#include <stdio.h>

#define MAPSRC_LINEMAX 1024

typedef struct mapsrc_reader {
	FILE *fp;
	unsigned long lineno;   /* of the chunk last returned */
	char buf[MAPSRC_LINEMAX];
} mapsrc_reader_t;

/* results of mapsrc_read */
#define MAPSRC_EOF      0
#define MAPSRC_LINE     1
#define MAPSRC_TOOLONG  2

void mapsrc_init(mapsrc_reader_t *r, FILE *fp);
/* next line: MAPSRC_LINE with *line NUL-terminated (newline removed,
 * writable, valid until the next call), MAPSRC_TOOLONG, or MAPSRC_EOF */
int mapsrc_read(mapsrc_reader_t *r, char **line);

typedef struct mapsrc_syntax {
	int sep;          /* key/value delimiter; MAPSRC_BLANKS: white space */
	int comment;      /* comment character ('#'; '\0': none) */
	bool fold;        /* lowercase ASCII letters of the key */
	bool allow_empty; /* -e: an empty value is an entry */
} mapsrc_syntax_t;
#define MAPSRC_BLANKS (-1)

/* what a line is */
typedef enum {
	MAPSRC_ENTRY,      /* *key, *val set (pointers into line) */
	MAPSRC_SKIP,       /* empty or comment */
	MAPSRC_LEADSPACE,  /* starts with white space (blank delimiter only) */
	MAPSRC_NORHS,      /* no value; *key set */
} mapsrc_kind_t;

mapsrc_kind_t mapsrc_split(char *line, const mapsrc_syntax_t *s, char **key, char **val);

#endif
