/* smtpd_int.h - what the files of src/smtpd share: the session (who the
 * client is, the protocol state, the transaction being built), replies,
 * the policy rulesets, and one handler per command. */
#ifndef SM_SMTPD_INT_H
#define SM_SMTPD_INT_H
#include "smtpd/smtpd.h"
#include "lib/buf.h"
#include "lib/addrtext.h"
#include "queue/envelope.h"
#include "addr/verdict.h"
#include <stdarg.h>
#include <stdbool.h>
#include <time.h>

/* PrivacyOptions bits the server looks at */
#define SP_NEEDMAILHELO  0x001
#define SP_NEEDEXPNHELO  0x002
#define SP_NEEDVRFYHELO  0x004
#define SP_NOEXPN        0x008
#define SP_NOVRFY        0x010
#define SP_NOETRN        0x020
#define SP_NOVERB        0x040
#define SP_NORECEIPTS    0x080
#define SP_AUTHWARNINGS  0x100
#define SP_RESTRICTQRUN  0x200

#define MAX_BAD_COMMANDS 25      /* the next one closes the session */
#define MAX_VRFY_QUIET   5       /* more VRFY/EXPN are logged as an attack */

/* the transaction's recipients by mailer, host and user (rcptset.c) */
typedef struct rcptset {
	size_t cap, n;
	rcpt_t **v;
} rcptset_t;

rcpt_t *rcptset_find(const rcptset_t *t, const char *mailer, const char *host, const char *user);
void rcptset_add(rcptset_t *t, rcpt_t *r);   /* r's strings must stay */
void rcptset_clear(rcptset_t *t);

typedef struct session {
	cf_t *cf;
	const smtpd_opts_t *o;
	FILE *in, *out;
	buf_t line;              /* the current command line */
	unsigned priv;           /* SP_* */
	/* the client */
	buf_t relay;             /* "name [addr]", "[addr]" or "user@localhost" */
	buf_t client_addr, client_name;
	bool is_socket;
	const char *resolve;     /* ${client_resolve} (daemon connections) */
	/* check_relay's verdict on a daemon connection: a reject answers
	 * every command but HELO/EHLO/NOOP/RSET/QUIT with it (and EHLO
	 * offers nothing), a discard drops every message */
	int conn_code;
	char conn_dsn[16];
	buf_t conn_text;
	bool conn_discard;
	bool no_etrn;            /* the daemon's Modifiers=E */
	bool need_auth;          /* Modifiers=a (and not A): MAIL needs AUTH */
	/* protocol state */
	char *helo;              /* HELO/EHLO argument, NULL before */
	bool esmtp;
	int nbad;                /* unrecognized commands */
	int nbadrcpt;            /* rejected recipients (BadRcptThrottle) */
	int nvrfy;               /* VRFY/EXPN commands */
	bool didmail;            /* MAIL, EXPN, VRFY or ETRN was issued */
	bool quit;
	bool line_ready;         /* s->line holds the next command, unread */
	int exitstat;
	/* the transaction */
	char qid[32];
	bool gotmail;            /* MAIL accepted */
	bool sender_set;         /* a sender was parsed: from= is due */
	char *sender;            /* MAIL FROM text as given (S line) */
	char *sender_addr;       /* without angle brackets ($f) */
	long size;               /* SIZE= */
	char *bodytype, *ret, *envid, *auth;
	char *msgid;             /* for from= of a message refused after DATA */
	bool discard;
	/* the statistics file (src/stats): the sender's mailer, whether the
	 * session had a command rejected or a message discarded */
	int stat_mailer;
	bool stat_rejected, stat_discarded;
	envelope_t e;            /* recipients accepted so far */
	rcptset_t rset;          /* ... found by what they resolve to,
	                            with the leaves below */
	envelope_t leaves;       /* interactive mode: what the accepted
	                            recipients expanded to (a later RCPT of
	                            one is a duplicate named by its text) */
	int nrcpts;
} session_t;

/* ------------------------------------------------------------ io.c */
/* one reply line; last: the final line of a reply ("250 " vs "250-");
 * dsn may be NULL.  Bytes with the high bit set are sent stripped. */
void smtp_reply(session_t *s, bool last, int code, const char *dsn, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* read one command line into s->line (CR LF off); false at end of input */
bool smtp_getline(session_t *s);
void smtp_flush(session_t *s);
typedef enum { LINE_NONE, LINE_READY, LINE_EOF } line_wait_t;
/* is a whole next command line there (or the end of input) within
 * wait_ms?  Nothing is read. */
line_wait_t smtp_line_wait(session_t *s, int wait_ms);
bool smtp_traffic_before_reply(session_t *s, const char *cmd);
bool policy_feature(session_t *s, char letter);
/* daemon connections: reads time out after Timeout.datablock (data) or
 * Timeout.command */
void smtp_read_timeout(session_t *s, bool data);
/* in a child that outlives the session (background delivery, an ETRN
 * queue run): let go of the client's connection */
void smtp_release_socket(session_t *s);

/* ------------------------------------------------------------ policy.c */
/* run ruleset name over arg (arg2 != NULL: "arg $| arg2"); a missing
 * ruleset accepts.  A reject is logged as the reference does. */
void policy_check(session_t *s, const char *rsname, const char *arg, const char *arg2,
		  verdict_t *v);
/* the same in two steps: the verdict without the log line, then the line
 * ("ruleset=..., reject=..." or "discard"; none for an accepting verdict) */
void policy_eval(session_t *s, const char *rsname, const char *arg, const char *arg2,
		 verdict_t *v);
void policy_log(session_t *s, const char *rsname, const char *arg, const char *arg2,
		const verdict_t *v);
/* the number a ruleset returns as "$# N" (greet_pause), -1 none */
long policy_number(session_t *s, const char *rsname, const char *arg, const char *arg2);
/* reply with v's code, dsn and text */
void verdict_reply(session_t *s, const verdict_t *v);
/* parse an address (envelope sender or recipient); errors as a verdict;
 * a->mailer etc. valid when v->code == 0 */
struct addr;
void policy_parse(session_t *s, const char *text, unsigned flags, struct addr *a,
		  verdict_t *v);

/* ------------------------------------------------------------ session.c */
/* QUIT: the 221 reply, the session ends */
void session_quit(session_t *s);

/* ------------------------------------------------------------ deliver_now.c */
/* the accepted message (fd: its qf lock) delivered as DeliveryMode says */
struct clones;
/* the message just committed delivered as DeliveryMode says, then the
 * owner clones its commit split off (cl, may be empty) */
void smtpd_deliver(session_t *s, envelope_t *e, int fd, struct clones *cl);
/* DeliveryMode=interactive: path (resolving to a) is expanded; true when
 * that fails, v getting the reply; else what it expanded to other than
 * itself goes into s->leaves and s->rset */
struct addr;
bool rcpt_expand_refused(session_t *s, const char *path, const struct addr *a, verdict_t *v);

/* ------------------------------------------------------------ msgchecks.c */
struct collect;
typedef struct msgchecks {
	verdict_t eoh, eom;      /* check_eoh's and check_eom's verdicts */
	char size[24];           /* check_eom's argument */
	const verdict_t *err;    /* the rejection that wins, NULL none */
	bool discard;            /* no rejection, but a discard */
} msgchecks_t;
/* check_data at DATA: true when refused (replied and logged) */
bool data_refused(session_t *s);
/* check_eoh (logged) and check_eom (logged by msgchecks_log_eom, after
 * the from= line) on a collected message */
void msgchecks_run(session_t *s, const struct collect *c, msgchecks_t *m);
void msgchecks_log_eom(session_t *s, const msgchecks_t *m);
/* a refused message: "to=..., stat=" per recipient, then the reply */
void msgchecks_refuse(session_t *s, const envelope_t *e, const msgchecks_t *m);
void msgchecks_free(msgchecks_t *m);

/* ------------------------------------------------------------ client.c */
void client_identify(session_t *s);
void client_macros(session_t *s);
/* daemon connections: check_relay on the client's name and address */
void client_check_relay(session_t *s);
/* the name the log lines give the input channel: the daemon's, or stdin */
const char *session_channel(const session_t *s);

/* ------------------------------------------------------------ session.c */
void session_new_qid(session_t *s);
/* log the from= line of a transaction that did not end in DATA, reset */
void transaction_end(session_t *s, bool log);
/* the transaction's from= line now (transaction_end then logs none) */
void transaction_log(session_t *s);
void session_log(session_t *s, int level, int prio, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* "rest of the line" after a command word */
const char *cmd_arg(const session_t *s);

/* ------------------------------------------------------------ commands */
void cmd_helo(session_t *s, bool ehlo);
void cmd_mail(session_t *s);
void cmd_rcpt(session_t *s);
void cmd_data(session_t *s);
void cmd_rset(session_t *s);
void cmd_vrfy(session_t *s, bool expn);
void cmd_help(session_t *s);
void cmd_etrn(session_t *s);
void cmd_verb(session_t *s);
void cmd_auth(session_t *s);
void cmd_starttls(session_t *s);

/* auth.c: the SASL mechanisms offered ("" none) */
const char *auth_mechanisms(session_t *s);

/* the argument of MAIL/RCPT: "FROM:" (kw) then the path (up to a blank
 * outside <> and quotes) into path, *params at what follows.  On a
 * syntax error replies 501 and returns false (text: what was scanned). */
bool path_split(session_t *s, const char *kw, buf_t *path, const char **params, buf_t *text);
/* next "KEY=VALUE" word of params into key/val; false at the end */
bool param_next(const char **params, buf_t *key, buf_t *val, bool *has_val);
/* xtext_valid and strip_angles: lib/addrtext.h */

#endif
