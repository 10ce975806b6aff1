/* smtpc_int.h - what the files of src/smtpc share: a connection (socket,
 * TLS, deadline, read buffer), a reply, the session state. */
#ifndef SM_SMTPC_INT_H
#define SM_SMTPC_INT_H
#include "smtpc/smtpc.h"
#include "smtpc/ssl_dl.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct sconn {
	int fd;
	SSL *ssl;
	SSL_CTX *ctx;
	int err;                 /* errno of the failure, or one of below */
	bool eof, timedout, overflow;
	char rbuf[4096];
	size_t rpos, rlen;
	FILE *verbose;
} sconn_t;

typedef struct sreply {
	int code;                /* 0: no valid reply */
	buf_t text;              /* all lines, '\n' separated, no CRLF */
	buf_t last;              /* the last line */
	char dsn[16];            /* the enhanced code of the first line, "" */
} sreply_t;

/* extensions of the EHLO reply */
#define EXT_PIPELINING 0x01
#define EXT_SIZE       0x02
#define EXT_8BITMIME   0x04
#define EXT_DSN        0x08
#define EXT_STARTTLS   0x10
#define EXT_AUTH       0x20
#define EXT_ENHSC      0x40

typedef struct ssess {
	smtpc_req_t *q;
	sconn_t c;
	char hostname[256];      /* as shown: "relay.example.net.", "[1.2.3.4]" */
	char addr[64];           /* "127.0.0.1" */
	unsigned ext;
	char authmechs[256];
	bool authed;
	bool tls_failed;         /* STARTTLS accepted, the handshake failed */
	const char *phase;       /* "client greeting", "MAIL", ... (timeouts) */
	buf_t lastcmd;           /* for the transcript (">>> DATA") */
	bool xs_header;          /* "... while talking to" written */
	char lastreply[512];     /* the last reply line before QUIT */
	char helo[256];          /* ClientPortOptions M=h: the interface's
	                            name for EHLO/HELO; "" the request's */
	bool no_tls, no_auth;    /* ClientPortOptions M=S, M=A */
} ssess_t;

/* io.c */
void sconn_init(sconn_t *c, int fd, FILE *verbose);
void sconn_close(sconn_t *c);
int sconn_write(sconn_t *c, const char *s, size_t n, long timeout);
/* one line without CRLF into out (cut at SMTPC_LINE_MAX); 0, -1 error */
int sconn_readline(sconn_t *c, buf_t *out, long timeout);
/* a command: "<line>\r\n", shown with -v as ">>> line" */
int sconn_cmd(ssess_t *s, const char *line, long timeout, bool show);

/* reply.c */
void sreply_init(sreply_t *r);
void sreply_free(sreply_t *r);
int sreply_read(ssess_t *s, sreply_t *r, long timeout);
/* the text of a failed read for the stat= ("reply: read error from X") */
void sreply_error(ssess_t *s, buf_t *out);

/* connect.c */
int sconnect(ssess_t *s, buf_t *err, int *exitstat);
long smtpc_timeout(cf_t *cf, int id);

/* hello.c */
int shello(ssess_t *s, sreply_t *r);
int sehlo(ssess_t *s, sreply_t *r);

/* clientport.c: ClientPortOptions for a socket of this family */
int clientport_apply(cf_t *cf, int family, int fd);     /* 0, -1 errno */
bool clientport_mod(cf_t *cf, int family, char m);
bool clientport_helo(cf_t *cf, int fd, char *name, size_t len);

/* tls.c */
int sstarttls(ssess_t *s, sreply_t *r);

/* auth.c */
int sauth(ssess_t *s, sreply_t *r);

/* txn.c */
void stxn(ssess_t *s);
/* the session failed: every recipient still open gets rep's outcome */
void fail_open(ssess_t *s, const sreply_t *rep);

/* hostcache.c: hosts found down in this process */
bool hostcache_get(const char *host, int *exitstat, buf_t *stat, buf_t *relay);
void hostcache_put(const char *host, int exitstat, const char *stat, const char *relay);

/* conncache.c: connections kept for the next transaction */
void conncache_put(ssess_t *s);
int conncache_take(smtpc_req_t *q, ssess_t *s);

/* session.c helpers shared with txn.c */
void sxscript(ssess_t *s, smtpc_rcpt_t *r, const sreply_t *rep);
void set_outcome(smtpc_rcpt_t *r, int st, const char *dsn, const char *stat, const char *reply);
void reply_outcome(ssess_t *s, smtpc_rcpt_t *r, const sreply_t *rep, bool rcpt);
void sverbose(ssess_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* the -v line of the recipients sharing one outcome ("a,b... Sent (x)") */
void shared_verbose(ssess_t *s);

#endif
