/* SPDX-License-Identifier: MIT */
/*
 * EXPECT-style checks for test domains. Each check prints one line that the
 * boot tests read from the serial log:
 *   PASS <name>
 *   FAIL <name>: got <g>, want <w> (<file>:<line>)
 * and counts failures in ksh_check_failures (a test domain usually returns
 * it from main, so the exit status says the same).
 */
#ifndef KSH_RT_CHECK_H
#define KSH_RT_CHECK_H

#include <stddef.h>

extern unsigned int ksh_check_failures;

/* Pure line builders (host-tested): write the line (with '\n') into buf
 * and return 1 if the check passed, 0 if not. */
int ksh_check_format_eq(char *buf, size_t size, const char *name, long long got,
			long long want, const char *file, int line);
int ksh_check_format_true(char *buf, size_t size, const char *name, int ok,
			  const char *expr, const char *file, int line);
int ksh_check_format_streq(char *buf, size_t size, const char *name,
			   const char *got, const char *want, const char *file,
			   int line);

/* Print the line and count a failure; return 1 on PASS. */
int ksh_check_eq(const char *name, long long got, long long want,
		 const char *file, int line);
int ksh_check_true(const char *name, int ok, const char *expr, const char *file,
		   int line);
int ksh_check_streq(const char *name, const char *got, const char *want,
		    const char *file, int line);

#define KSH_EXPECT_EQ(name, got, want)                                         \
	ksh_check_eq((name), (long long)(got), (long long)(want), __FILE__,    \
		     __LINE__)
#define KSH_EXPECT_TRUE(name, cond)                                            \
	ksh_check_true((name), !!(cond), #cond, __FILE__, __LINE__)
#define KSH_EXPECT_STREQ(name, got, want)                                      \
	ksh_check_streq((name), (got), (want), __FILE__, __LINE__)

#endif /* KSH_RT_CHECK_H */
