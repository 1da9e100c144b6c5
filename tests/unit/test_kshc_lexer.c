// SPDX-License-Identifier: MIT
/* kshc lexer helpers (lex_util.c) and the scanner through the parser:
 * numbers with units, overflow, strings, IPv4 prefixes, PCI addresses,
 * soft keywords. */
#include <criterion/criterion.h>

#include "../kshc/harness.h"
#include "lexer.h"

static struct kshc k;

static void setup(void)
{
	kshc_init(&k);
	k.diags.out = open_memstream(&kh_diags, &kh_len);
}

static void teardown(void)
{
	fclose(k.diags.out);
	kh_done(&k);
}

TestSuite(kshc_lexer, .init = setup, .fini = teardown);

static const struct ksh_loc here = {NULL, 1, 1, 1, 1};

Test(kshc_lexer, sizes_are_binary)
{
	struct ksh_value v;

	cr_assert(lex_number(&k, "64K", &here, &v));
	cr_assert_eq(v.num, 65536);
	cr_assert_eq(v.unit, UNIT_SIZE);
	cr_assert(lex_number(&k, "2MiB", &here, &v));
	cr_assert_eq(v.num, 2u << 20);
	cr_assert(lex_number(&k, "1T", &here, &v));
	cr_assert_eq(v.num, 1ull << 40);
	cr_assert(lex_number(&k, "0x8000_0000", &here, &v));
	cr_assert_eq(v.num, 0x80000000ull);
	cr_assert_eq(v.unit, UNIT_NONE);
}

Test(kshc_lexer, times_are_nanoseconds)
{
	struct ksh_value v;

	cr_assert(lex_number(&k, "10ms", &here, &v));
	cr_assert_eq(v.num, 10000000);
	cr_assert_eq(v.unit, UNIT_TIME);
	cr_assert(lex_number(&k, "250us", &here, &v));
	cr_assert_eq(v.num, 250000);
	cr_assert(lex_number(&k, "2s", &here, &v));
	cr_assert_eq(v.num, 2000000000);
}

Test(kshc_lexer, overflow_and_unknown_units_are_errors)
{
	struct ksh_value v;

	cr_assert_not(lex_number(&k, "18446744073709551616", &here, &v));
	cr_assert(lex_number(&k, "18446744073709551615", &here, &v));
	cr_assert_not(lex_number(&k, "16777216T", &here, &v));
	cr_assert_not(lex_number(&k, "5parsecs", &here, &v));
	cr_assert_not(lex_number(&k, "0x", &here, &v));
	cr_assert_eq(k.diags.errors, 4);
}

Test(kshc_lexer, ipv4_and_prefixes)
{
	uint32_t a, p;

	cr_assert(lex_ipv4(&k, "10.0.0.2", &here, &a, &p));
	cr_assert_eq(a, 0x0A000002u);
	cr_assert_eq(p, 32);
	cr_assert(lex_ipv4(&k, "192.168.0.0/16", &here, &a, &p));
	cr_assert_eq(a, 0xC0A80000u);
	cr_assert_eq(p, 16);
	cr_assert_not(lex_ipv4(&k, "256.0.0.1", &here, &a, &p));
	cr_assert_not(lex_ipv4(&k, "1.2.3.4/33", &here, &a, &p));
}

Test(kshc_lexer, pci_addresses)
{
	uint32_t bdf;

	cr_assert(lex_bdf(&k, "00:1f.2", &here, &bdf));
	cr_assert_eq(bdf, 0x1f << 3 | 2);
	cr_assert(lex_bdf(&k, "3a:00.0", &here, &bdf));
	cr_assert_eq(bdf, 0x3a00);
	cr_assert_not(lex_bdf(&k, "00:20.0", &here, &bdf));
	cr_assert_not(lex_bdf(&k, "00:00.8", &here, &bdf));
}

Test(kshc_lexer, string_escapes)
{
	const char *s = lex_string(&k, "a\\\"b\\\\c\\n", 9, &here);

	cr_assert_str_eq(s, "a\"b\\c\n");
	cr_assert_eq(k.diags.errors, 0);
	lex_string(&k, "bad\\q", 5, &here);
	cr_assert_eq(k.diags.errors, 1);
}

Test(kshc_lexer, keywords_are_names_after_statement_start)
{
	struct kshc c;

	/* Domains called after keywords, scheduled by those names. */
	cr_assert_eq(kh_compile(&c, "system \"t\" { platform { cpus 1; } "
				    "schedule { major 10ms; cpu 0 { filter "
				    "5ms; memory 5ms; } } }\n"
				    "domain filter : native \"hello.elf\" { "
				    "memory 2M; }\n"
				    "domain memory : native \"hello.elf\" { "
				    "memory 2M; }\n"),
		     0, "%s", kh_diags);
	cr_assert_str_eq(c.out.t.domains[1].name, "memory");
	kh_done(&c);
}

Test(kshc_lexer, locations_point_at_the_token)
{
	struct kshc c;

	cr_assert_eq(kh_compile(&c, "\n\n  type x @;\n"), 1);
	cr_assert(strstr(kh_diags, "t.ksh:3:10: error[bad-character]"), "%s",
		  kh_diags);
	cr_assert(strstr(kh_diags, "    3 |   type x @;\n      |          ^\n"),
		  "%s", kh_diags);
	kh_done(&c);
}
