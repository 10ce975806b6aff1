/* daemon.h - what a long-running sendmail needs: detaching from the
 * terminal, the pid file (two lines: the pid, then the command line, kept
 * locked while the daemon lives, as the reference's), the process title
 * ps shows, and signals that only set flags (the main loop acts on them). */
#ifndef SM_DAEMON_H
#define SM_DAEMON_H
#include <signal.h>
#include <stdbool.h>

/* fork; the parent exits 0, the child starts a new session with stdin,
 * stdout and stderr on /dev/null.  Returns 0 in the child, -1 on error
 * (the caller reports it). */
int daemon_detach(void);

/* Write "pid\ncommand line\n" to path and keep it locked; on a file
 * locked by a live daemon log the reference's "unable to write pid to
 * ...: file in use by another process" and return -1 (the daemon runs
 * on, as the reference's does). */
int pidfile_write(const char *path, int argc, char **argv);
/* in a child of the daemon: let go of the pid file (the lock is the
 * daemon's; a child that kept the file open would keep it locked after
 * the daemon is gone or restarted) */
void pidfile_release(void);
/* a daemon that stops removes its pid file, as the reference's does */
void pidfile_remove(void);

/* the title ps shows ("sendmail: Queue runner@00:30:00 for /var/spool/mqueue");
 * proctitle_init must be called first with main's own argv, which nothing
 * else may point into (main works on a copy) */
void proctitle_init(int argc, char **argv);
void proctitle_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* flags set by the handlers (SIGTERM/SIGINT: stop, SIGHUP: restart,
 * SIGCHLD: reap, SIGUSR1: dump the state to the log) */
extern volatile sig_atomic_t daemon_stop, daemon_restart, daemon_child, daemon_dump;
void daemon_signals(void);
void daemon_signal_set(sigset_t *set);

/* the state dump of SIGUSR1 (statedump.c), in the reference's lines at
 * mail.debug: host name, children, the open descriptors */
void state_dump(const char *host, int children);

#endif
