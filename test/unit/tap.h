/*
 * tap.h -- tiny header-only TAP (Test Anything Protocol) producer for the
 * unit tests in test/unit/.  Each test_*.c is one program (one translation
 * unit), so the state below is simply file-static.
 *
 *     #include "tap.h"
 *     int main(void) {
 *         plan(3);                        // optional; or use done_testing()
 *         ok(1 + 1 == 2, "addition %s", "works");
 *         is_str(buf, "expected", "buffer holds %d bytes", 8);
 *         is_int(n, 42, "answer");
 *         return done_testing();          // 0 when every test passed
 *     }
 *
 * ok/is_str/is_int return 1 on pass, 0 on failure, so a test can do
 * `if (!ok(...)) diag(...)`.  diag() writes "# ..." to stderr, note() to
 * stdout.  skip(n, why) records n skipped tests.  bail_out() aborts the run.
 * done_testing() prints the plan if none was given, and returns the exit
 * status: nonzero if any test failed or the count differs from the plan.
 */
#ifndef TEST_UNIT_TAP_H
#define TEST_UNIT_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#define TAP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TAP_PRINTF(f, a)
#endif

static int tap_planned_ = -1; /* -1: no plan yet */
static int tap_run_ = 0;
static int tap_failed_ = 0;

static inline void plan(int n)
{
    tap_planned_ = n;
    printf("1..%d\n", n);
    fflush(stdout);
}

static inline void tap_vline_(FILE *fp, const char *prefix, const char *fmt, va_list ap)
{
    fputs(prefix, fp);
    vfprintf(fp, fmt, ap);
    fputc('\n', fp);
    fflush(fp);
}

TAP_PRINTF(1, 2)
static inline void diag(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    va_start(ap, fmt);
    tap_vline_(stderr, "# ", fmt, ap);
    va_end(ap);
}

TAP_PRINTF(1, 2)
static inline void note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tap_vline_(stdout, "# ", fmt, ap);
    va_end(ap);
}

static inline int tap_vok_(int pass, const char *file, int line, const char *fmt, va_list ap)
{
    tap_run_++;
    if (!pass)
        tap_failed_++;
    printf("%sok %d - ", pass ? "" : "not ", tap_run_);
    vfprintf(stdout, fmt, ap);
    fputc('\n', stdout);
    fflush(stdout);
    if (!pass)
        diag("  Failed test at %s line %d.", file, line);
    return pass;
}

TAP_PRINTF(4, 5)
static inline int tap_ok_(int pass, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pass = tap_vok_(pass, file, line, fmt, ap);
    va_end(ap);
    return pass;
}

TAP_PRINTF(5, 6)
static inline int tap_is_str_(const char *got, const char *want, const char *file, int line,
                              const char *fmt, ...)
{
    int pass;
    va_list ap;

    if (got == NULL || want == NULL)
        pass = (got == want);
    else
        pass = (strcmp(got, want) == 0);
    va_start(ap, fmt);
    pass = tap_vok_(pass, file, line, fmt, ap);
    va_end(ap);
    if (!pass) {
        diag("         got: %s%s%s", got ? "'" : "", got ? got : "NULL", got ? "'" : "");
        diag("    expected: %s%s%s", want ? "'" : "", want ? want : "NULL", want ? "'" : "");
    }
    return pass;
}

TAP_PRINTF(5, 6)
static inline int tap_is_int_(long long got, long long want, const char *file, int line,
                              const char *fmt, ...)
{
    int pass;
    va_list ap;

    va_start(ap, fmt);
    pass = tap_vok_(got == want, file, line, fmt, ap);
    va_end(ap);
    if (!pass) {
        diag("         got: %lld", got);
        diag("    expected: %lld", want);
    }
    return pass;
}

/* The name argument of ok/is_str/is_int is a printf format. */
#define ok(cond, ...) tap_ok_(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, ...) tap_is_str_((got), (want), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, ...) \
    tap_is_int_((long long)(got), (long long)(want), __FILE__, __LINE__, __VA_ARGS__)

static inline void skip(int n, const char *why)
{
    for (int i = 0; i < n; i++) {
        tap_run_++;
        printf("ok %d # skip %s\n", tap_run_, why);
    }
    fflush(stdout);
}

TAP_PRINTF(1, 2)
static inline void bail_out(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tap_vline_(stdout, "Bail out! ", fmt, ap);
    va_end(ap);
    exit(255);
}

/* Tests failed so far; useful for the exit status of a custom main. */
static inline int tap_failures(void)
{
    return tap_failed_;
}

static inline int done_testing(void)
{
    if (tap_planned_ < 0) {
        printf("1..%d\n", tap_run_);
    } else if (tap_planned_ != tap_run_) {
        diag("Looks like you planned %d tests but ran %d.", tap_planned_, tap_run_);
        fflush(stdout);
        return 255;
    }
    fflush(stdout);
    if (tap_failed_) {
        diag("Looks like you failed %d test%s of %d.", tap_failed_, tap_failed_ == 1 ? "" : "s",
             tap_run_);
        return tap_failed_ < 254 ? tap_failed_ : 254;
    }
    return 0;
}

#endif /* TEST_UNIT_TAP_H */
