// SPDX-License-Identifier: MIT
/* Unit tests for the EXPECT line builders (runtime/native/check_format.c):
 * the exact PASS/FAIL lines the boot tests match, and that a long line is
 * cut but still ends in a newline. */
#include <criterion/criterion.h>
#include <ksh/rt/check.h>
#include <string.h>

Test(rt_check, eq)
{
	char buf[128];

	cr_expect_eq(
	    ksh_check_format_eq(buf, sizeof(buf), "enosys", -1, -1, "t.c", 9),
	    1);
	cr_expect_str_eq(buf, "PASS enosys\n");
	cr_expect_eq(
	    ksh_check_format_eq(buf, sizeof(buf), "efault", 5, -2, "t.c", 12),
	    0);
	cr_expect_str_eq(buf, "FAIL efault: got 5, want -2 (t.c:12)\n");
}

Test(rt_check, true_and_streq)
{
	char buf[128];

	cr_expect_eq(ksh_check_format_true(buf, sizeof(buf), "ram", 0,
					   "ram > 0", "x.c", 3),
		     0);
	cr_expect_str_eq(buf, "FAIL ram: ram > 0 is false (x.c:3)\n");
	cr_expect_eq(ksh_check_format_true(buf, sizeof(buf), "ram", 1,
					   "ram > 0", "x.c", 3),
		     1);
	cr_expect_str_eq(buf, "PASS ram\n");
	cr_expect_eq(ksh_check_format_streq(buf, sizeof(buf), "name", "a", "a",
					    "x.c", 4),
		     1);
	cr_expect_str_eq(buf, "PASS name\n");
	cr_expect_eq(ksh_check_format_streq(buf, sizeof(buf), "name", "a", "b",
					    "x.c", 5),
		     0);
	cr_expect_str_eq(buf, "FAIL name: got \"a\", want \"b\" (x.c:5)\n");
	cr_expect_eq(ksh_check_format_streq(buf, sizeof(buf), "name", NULL, "b",
					    "x.c", 6),
		     0);
	cr_expect_str_eq(buf,
			 "FAIL name: got \"(null)\", want \"b\" (x.c:6)\n");
}

Test(rt_check, long_line_cut_with_newline)
{
	char buf[16];

	ksh_check_format_eq(buf, sizeof(buf), "a-very-long-check-name", 1, 2,
			    "file.c", 1);
	cr_expect_eq(strlen(buf), sizeof(buf) - 1);
	cr_expect_eq(buf[sizeof(buf) - 2], '\n');
	cr_expect_eq(strncmp(buf, "FAIL a-very-l", 13), 0);
}
