// SPDX-License-Identifier: MIT
/* Reporting side of the EXPECT checks (see ksh/rt/check.h). */
#include <ksh/rt/check.h>
#include <ksh/rt/console.h>
#include <ksh/rt/string.h>

unsigned int ksh_check_failures;

static int check_report(const char *line, int ok)
{
	ksh_console_write(line, ksh_strlen(line));
	if (!ok)
		ksh_check_failures++;
	return ok;
}

int ksh_check_eq(const char *name, long long got, long long want,
		 const char *file, int line)
{
	char buf[KSH_CONSOLE_BUF];
	int ok =
	    ksh_check_format_eq(buf, sizeof(buf), name, got, want, file, line);

	return check_report(buf, ok);
}

int ksh_check_true(const char *name, int ok, const char *expr, const char *file,
		   int line)
{
	char buf[KSH_CONSOLE_BUF];

	ok =
	    ksh_check_format_true(buf, sizeof(buf), name, ok, expr, file, line);
	return check_report(buf, ok);
}

int ksh_check_streq(const char *name, const char *got, const char *want,
		    const char *file, int line)
{
	char buf[KSH_CONSOLE_BUF];
	int ok = ksh_check_format_streq(buf, sizeof(buf), name, got, want, file,
					line);

	return check_report(buf, ok);
}
