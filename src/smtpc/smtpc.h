/* smtpc.h - the SMTP client: one transaction that hands a message to a
 * remote MTA for a group of recipients on the same host.
 *
 * The caller (src/deliver/mailer_smtp.c) fills an smtpc_req_t with the
 * envelope as the mailer's rules rewrote it, a callback that writes the
 * message, and the per-recipient slots; smtpc_deliver() finds the host
 * (MX list, or [host] as given), connects with Timeout.connect, reads
 * the greeting, says EHLO (HELO when refused), STARTTLS when offered,
 * AUTH from the cf's authinfo ruleset, MAIL/RCPT (pipelined when the
 * server offers PIPELINING) with the ESMTP parameters the server
 * accepts, DATA with dot doubling, and fills every recipient's outcome.
 *
 * Every read and write has a deadline (Timeout.*), every reply a bounded
 * size; a server that misbehaves gives a temporary failure, never a
 * crash or a lost message.
 *
 * Implemented by io.c (timed line I/O, plain or TLS), reply.c (reading a
 * reply), connect.c (host list, connecting, error texts), hello.c
 * (greeting, EHLO/HELO, extensions), tls.c (STARTTLS), auth.c
 * (authinfo, AUTH PLAIN/LOGIN), txn.c (MAIL/RCPT/DATA), hostcache.c
 * (hosts found down in this process), conncache.c (connections kept
 * open for the next transaction), session.c (the whole). */
#ifndef SM_SMTPC_H
#define SM_SMTPC_H
#include "conf/cf.h"
#include "lib/buf.h"
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#define SMTPC_LINE_MAX   4096   /* longer reply lines are cut here */
#define SMTPC_REPLY_MAX  100    /* lines in one reply */
#define SMTPC_MXMAX      20     /* hosts tried per delivery */

/* one recipient of the transaction */
typedef struct smtpc_rcpt {
	const char *addr;        /* the RCPT path without <> ("bob@example.org") */
	const char *name;        /* as -v names it (the qf's text), NULL: addr */
	const char *notify;      /* NOTIFY= value or NULL */
	const char *orcpt;       /* ORCPT= value or NULL */
	/* outcome */
	int exitstat;            /* EX_OK, EX_TEMPFAIL, EX_NOUSER, ... */
	char dsn[16];            /* "2.0.0" */
	buf_t stat;              /* "Sent (queued as X)", "Deferred: 451 ..." */
	buf_t reply;             /* the remote reply for reply= ("" none) */
	buf_t xscript;           /* transcript lines for the report */
	buf_t emsg;              /* the message's status for mailq when it is
	                            not the stat= text ("reply: read error
	                            from HOST"), "" none */
	int rcode;               /* RCPT reply code, 0 not read */
	bool own;                /* the outcome is its own RCPT reply; the
	                            others share one (logged "to=a,b") */
} smtpc_rcpt_t;

/* writes the message (header, blank line, body) through put */
typedef int (*smtpc_put_fn)(void *arg, const char *s, size_t n);
typedef int (*smtpc_msg_fn)(void *arg, smtpc_put_fn put, void *putarg);

typedef struct smtpc_req {
	cf_t *cf;
	const char *mailer;      /* M line name ("esmtp") */
	const char *host;        /* $h: "example.org", "[192.0.2.1]", "[relay]" */
	int port;                /* from A= ("TCP $h 587"), 25 default */
	bool esmtp;              /* F=a: EHLO first */
	const char *heloname;    /* $j */
	const char *from;        /* MAIL path without <> ("" null sender) */
	long size;               /* SIZE= */
	const char *body;        /* BODY= value or NULL */
	const char *envid;       /* ENVID= or NULL */
	const char *ret;         /* RET= or NULL */
	const char *auth_param;  /* AUTH= (after authenticating) or NULL */
	smtpc_rcpt_t *rcpts;
	size_t nrcpts;
	smtpc_msg_fn write_msg;
	void *msgarg;
	FILE *verbose;           /* -v: protocol lines; NULL none */
	bool show_failures;      /* -v in a queue run: a recipient refused
	                            at RCPT is shown ("a... User unknown") */
	const char *vaddrs;      /* "a,b" as the -v Connecting line names them */
	/* outcome of the session */
	buf_t relay;             /* relay= ("relay.example.net. [127.0.0.1]") */
	bool connected;          /* a connection was made */
	bool dsn_relayed;        /* the server took NOTIFY= (DSN offered) */
} smtpc_req_t;

void smtpc_req_init(smtpc_req_t *q, smtpc_rcpt_t *r, size_t n);
void smtpc_req_free(smtpc_req_t *q);

/* run the transaction; every rcpts[i] gets an outcome */
void smtpc_deliver(smtpc_req_t *q);

/* QUIT and close the connections kept for reuse (also at exit) */
void smtpc_close_all(void);


#endif
