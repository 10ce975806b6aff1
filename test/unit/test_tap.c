/*
 * test_tap.c -- checks test/unit/tap.h itself, so the unit suite is never
 * empty.  The failure paths run in a child process whose output is captured
 * through a pipe, so they do not fail this test.
 */
#include "tap.h"

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Run fn in a child with stdout+stderr sent to a pipe; collect its output
 * into out (NUL-terminated) and return its exit status, or -1. */
static int run_child(void (*fn)(void), char *out, size_t outsz)
{
    int fds[2];
    pid_t pid;
    size_t len = 0;
    ssize_t n;
    int status;

    fflush(stdout);
    fflush(stderr);
    if (pipe(fds) != 0)
        return -1;
    pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        close(fds[1]);
        tap_planned_ = -1;
        tap_run_ = 0;
        tap_failed_ = 0;
        fn();
        _exit(done_testing());
    }
    close(fds[1]);
    while (len + 1 < outsz && (n = read(fds[0], out + len, outsz - 1 - len)) > 0)
        len += (size_t)n;
    out[len] = '\0';
    close(fds[0]);
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

static void two_failures(void)
{
    ok(0, "deliberate failure %d", 1);
    is_str("got", "want", "deliberate string mismatch");
    is_int(7, 7, "this one passes");
}

static void short_of_plan(void)
{
    plan(3);
    ok(1, "only one of three");
}

static void all_pass(void)
{
    ok(1, "fine");
    skip(2, "not here");
}

int main(void)
{
    char out[4096];
    int rc;

    ok(1, "ok() with a true condition passes");
    is_int(ok(1, "nested ok returns 1"), 1, "ok() returns 1 on pass");
    is_str("abc", "abc", "is_str with equal strings");
    is_str(NULL, NULL, "is_str with two NULLs");
    is_int(-5, -5, "is_int with equal values");
    note("note() writes a comment to stdout");

    rc = run_child(two_failures, out, sizeof out);
    is_int(rc, 2, "two failures give exit status 2");
    ok(strstr(out, "not ok 1 - deliberate failure 1\n") != NULL, "failed ok() prints 'not ok'");
    ok(strstr(out, "not ok 2 - deliberate string mismatch\n") != NULL, "failed is_str prints 'not ok'");
    ok(strstr(out, "got: 'got'") != NULL, "is_str diagnostics show the value got");
    ok(strstr(out, "ok 3 - this one passes\n") != NULL, "passing test numbered after failures");
    ok(strstr(out, "1..3\n") != NULL, "done_testing prints the plan");

    rc = run_child(short_of_plan, out, sizeof out);
    ok(rc != 0, "running fewer tests than planned is a failure (status %d)", rc);
    ok(strstr(out, "planned 3 tests but ran 1") != NULL, "plan mismatch is diagnosed");

    rc = run_child(all_pass, out, sizeof out);
    is_int(rc, 0, "all passing gives exit status 0");
    ok(strstr(out, "ok 2 # skip not here\nok 3 # skip not here\n") != NULL, "skip() records skipped tests");

    return done_testing();
}
