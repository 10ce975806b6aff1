/* collect.h - reading a message from a submitter: header fields into
 * memory, the body into the df file, as the reference's collect does for
 * the command line (CRLF becomes LF, a lone "." ends the message unless
 * -i, a leading "From " line is taken off, the first line that is not a
 * header field starts the body). */
#ifndef SM_COLLECT_H
#define SM_COLLECT_H
#include <stdbool.h>
#include <stdio.h>

typedef struct collect {
	char **hdrs;          /* raw fields "Name: value", continuation lines
	                         joined with "\n", no final newline */
	size_t nhdrs, hcap;
	size_t hdrbytes;      /* bytes of header text kept */
	char *from_line;      /* a leading "From " line (without newline), or NULL */
	long size;            /* bytes of the message as read (after CRLF -> LF) */
	long bodysize;
	bool body8bit;        /* a body byte has the high bit set */
	bool hdr8bit;
	bool hdr_overflow;    /* header text passed the limit: fields dropped */
	int werr;             /* errno of a failed df write, 0 if none */
	/* SMTP mode (collect_smtp) */
	bool eof;             /* input ended before the final "." line */
	int rerr;             /* ... by a read error: its errno, 0 if none */
	bool too_big;         /* the message passed the size limit */
	char bare;            /* strict: stopped at a bare 'L'F or 'C'R */
	bool bare_in_hdr;     /* ... while reading the header */
	unsigned bare_met;    /* COLLECT_BARE_* allowed and met */
	size_t bare_hdr;      /* 1 + index in hdrs of the first field with an
	                         allowed bare LF (made a space), 0 if none */
} collect_t;

/* Read the message from in; the body goes to df (already open for
 * writing).  ignoredots is -i / -oi; maxhdr bounds the kept header text
 * (MaxHeadersLength).  Returns 0, or -1 when the df could not be written
 * (c->werr).  The caller fsyncs the df. */
int collect_message(FILE *in, FILE *df, bool ignoredots, size_t maxhdr, collect_t *c);
void collect_free(collect_t *c);

/* The same for SMTP DATA: lines end only in CRLF; a bare CR or LF stops
 * the reading (c->bare, the CVE-2023-51765 defence) unless allowed by
 * COLLECT_BARE_CR/LF: then it is a data byte (c->bare_met) and does not
 * start a line; a line "." ended by CRLF ends the message, a leading dot is
 * removed from any other line, no From_ line is special.  maxsize > 0
 * bounds the message (c->too_big: the rest is read and dropped).  End of
 * input before the "." sets c->eof.  Returns as collect_message. */
#define COLLECT_BARE_LF 1u
#define COLLECT_BARE_CR 2u
int collect_smtp(FILE *in, FILE *df, size_t maxhdr, long maxsize, unsigned allow, collect_t *c);

/* is line (without its newline) a header field "name:..."? */
bool collect_is_header(const char *line, size_t n);

#endif
