// SPDX-License-Identifier: MIT
/* Pure line builders of the EXPECT checks (see ksh/rt/check.h). A line
 * longer than the buffer is cut, but always ends in '\n' so the next line
 * starts on its own. */
#include <ksh/rt/check.h>
#include <ksh/rt/format.h>
#include <ksh/rt/string.h>

static void check_terminate(char *buf, size_t size, int n)
{
	if (size < 2)
		return;
	if (n < 0 || (size_t)n >= size - 1) {
		buf[size - 2] = '\n';
		buf[size - 1] = '\0';
	}
}

int ksh_check_format_eq(char *buf, size_t size, const char *name, long long got,
			long long want, const char *file, int line)
{
	int ok = got == want;
	int n;

	if (ok)
		n = ksh_snprintf(buf, size, "PASS %s\n", name);
	else
		n = ksh_snprintf(buf, size,
				 "FAIL %s: got %lld, want %lld (%s:%d)\n", name,
				 got, want, file, line);
	check_terminate(buf, size, n);
	return ok;
}

int ksh_check_format_true(char *buf, size_t size, const char *name, int ok,
			  const char *expr, const char *file, int line)
{
	int n;

	if (ok)
		n = ksh_snprintf(buf, size, "PASS %s\n", name);
	else
		n = ksh_snprintf(buf, size, "FAIL %s: %s is false (%s:%d)\n",
				 name, expr, file, line);
	check_terminate(buf, size, n);
	return ok != 0;
}

int ksh_check_format_streq(char *buf, size_t size, const char *name,
			   const char *got, const char *want, const char *file,
			   int line)
{
	int ok = got && want && ksh_strcmp(got, want) == 0;
	int n;

	if (ok)
		n = ksh_snprintf(buf, size, "PASS %s\n", name);
	else
		n = ksh_snprintf(buf, size,
				 "FAIL %s: got \"%s\", want \"%s\" (%s:%d)\n",
				 name, got ? got : "(null)",
				 want ? want : "(null)", file, line);
	check_terminate(buf, size, n);
	return ok;
}
