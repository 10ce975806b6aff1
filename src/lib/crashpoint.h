/* crashpoint.h - named points where a test can kill the process.
 *
 * SENDMAIL_CRASHPOINT=name[:n] in the environment makes the n-th call
 * (default the first) of crashpoint("name") in this process raise SIGKILL,
 * so a test can show what a crash at exactly that point leaves in the
 * queue (test/integration/crash.t, doc/crashpoints.md lists the names).
 * Without the variable every call is one test of a static flag.  The hook
 * gives nobody anything new: whoever sets a process's environment can
 * already send it SIGKILL at any moment; it only makes the moment exact.
 * Mailer programs never see the variable (their environment is rebuilt);
 * a forked child (-odb) inherits it and the count of calls made so far. */
#ifndef SM_CRASHPOINT_H
#define SM_CRASHPOINT_H

void crashpoint(const char *name);

#endif
