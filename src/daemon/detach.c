/* detach.c - becoming a daemon, and the signal flags. */
#include "daemon/daemon.h"
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

volatile sig_atomic_t daemon_stop, daemon_restart, daemon_child, daemon_dump;

int daemon_detach(void)
{
	pid_t pid = fork();
	int fd;

	if (pid < 0)
		return -1;
	if (pid > 0)
		_exit(0);
	if (setsid() < 0)
		return -1;
	fd = open("/dev/null", O_RDWR);
	if (fd < 0)
		return -1;
	for (int i = 0; i < 3; i++)
		if (dup2(fd, i) < 0)
			return -1;
	if (fd > 2)
		close(fd);
	return 0;
}

static void on_stop(int sig)
{
	(void)sig;
	daemon_stop = 1;
}

static void on_hup(int sig)
{
	(void)sig;
	daemon_restart = 1;
}

static void on_chld(int sig)
{
	(void)sig;
	daemon_child = 1;
}

static void on_usr1(int sig)
{
	(void)sig;
	daemon_dump = 1;
}

static void catch(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);   /* no SA_RESTART: sleeps end early */
}

/* the signals whose handlers only set a flag */
void daemon_signal_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGCHLD);
	sigaddset(set, SIGUSR1);
}

void daemon_signals(void)
{
	catch(SIGTERM, on_stop);
	catch(SIGINT, on_stop);
	catch(SIGHUP, on_hup);
	catch(SIGCHLD, on_chld);
	catch(SIGUSR1, on_usr1);
	signal(SIGPIPE, SIG_IGN);
}
