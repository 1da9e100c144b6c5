// SPDX-License-Identifier: MIT
/* Pure helpers of the image stage: reading .incbin operands back from the
 * generated payloads.S, and printing commands for --verbose so that they
 * can be pasted into a shell. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "payload_list.h"
#include "run.h"

Test(incbin, operands)
{
	char out[64];

	cr_assert_eq(payload_incbin_operand("\t.incbin \"/a/b.elf\"\n", out,
					    sizeof(out)),
		     1);
	cr_expect_str_eq(out, "/a/b.elf");
	cr_assert_eq(
	    payload_incbin_operand(".incbin \"x\\\"y\\\\z\"", out, sizeof(out)),
	    1);
	cr_expect_str_eq(out, "x\"y\\z", "escapes undone");
	cr_expect_eq(payload_incbin_operand("\t.balign 4096", out, 64), 0);
	cr_expect_eq(payload_incbin_operand(".incbinx \"a\"", out, 64), 0);
	cr_expect_eq(payload_incbin_operand("ksh_payload_0:", out, 64), 0);
}

Test(incbin, malformed_operands_are_refused)
{
	static const char *bad[] = {
	    ".incbin a.elf",
	    ".incbin \"a.elf",
	    ".incbin \"\"",
	    ".incbin \"a\\nb\"",
	};
	char out[64];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_expect_eq(payload_incbin_operand(bad[i], out, sizeof(out)),
			     -1, "accepted: %s", bad[i]);
	cr_expect_eq(payload_incbin_operand(".incbin \"abcdefgh\"", out, 8), -1,
		     "too long for the buffer");
}

static char *printed(const char *const *words, const char *cwd)
{
	struct run_argv a = {0};
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	for (; *words; words++)
		run_argv_add(&a, *words);
	run_print(f, &a, cwd);
	fclose(f);
	run_argv_free(&a);
	return text;
}

Test(run, verbose_lines_are_shell_quoted)
{
	static const char *const plain[] = {"cc", "-c", "tables.c", NULL};
	static const char *const odd[] = {"ld", "a b", "it's", "", NULL};
	char *s;

	s = printed(plain, NULL);
	cr_expect_str_eq(s, "cc -c tables.c\n");
	free(s);
	s = printed(odd, "/tmp/x y");
	cr_expect_str_eq(s, "(cd '/tmp/x y' && ld 'a b' 'it'\\''s' '')\n");
	free(s);
}

Test(run, argv_words_split_on_blanks)
{
	struct run_argv a = {0};

	run_argv_add_words(&a, " ccache  gcc\t-m64 ");
	cr_assert_eq(a.n, 3);
	cr_expect_str_eq(a.v[0], "ccache");
	cr_expect_str_eq(a.v[2], "-m64");
	cr_expect_null(a.v[3]);
	run_argv_free(&a);
}

Test(run, reports_how_a_command_failed)
{
	struct run_argv a = {0};
	char err[256] = "";

	run_argv_add(&a, "/nonexistent/tool");
	cr_expect_eq(run_command(&a, NULL, 0, err, sizeof(err)), -1);
	cr_expect(strstr(err, "cannot run /nonexistent/tool"), "%s", err);
	run_argv_free(&a);
	run_argv_add(&a, "false");
	cr_expect_eq(run_command(&a, NULL, 0, err, sizeof(err)), -1);
	cr_expect(strstr(err, "false failed with exit status 1"), "%s", err);
	run_argv_free(&a);
	run_argv_add(&a, "true");
	cr_expect_eq(run_command(&a, "/", 0, err, sizeof(err)), 0);
	run_argv_free(&a);
}
