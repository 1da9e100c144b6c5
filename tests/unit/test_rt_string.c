// SPDX-License-Identifier: MIT
/* Unit tests for the native runtime's memory and string helpers
 * (runtime/native/string.c), checked against the C library on the same
 * inputs, overlapping moves in both directions included. */
#include <criterion/criterion.h>
#include <ksh/rt/string.h>
#include <string.h>

static void fill_pattern(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + 3);
}

Test(rt_string, memcpy_sizes)
{
	unsigned char src[300], dst[300], ref[300];

	fill_pattern(src, sizeof(src));
	for (size_t n = 0; n < 260; n += 13) {
		memset(dst, 0xee, sizeof(dst));
		memset(ref, 0xee, sizeof(ref));
		cr_expect_eq(ksh_memcpy(dst + 1, src + 3, n), dst + 1);
		memcpy(ref + 1, src + 3, n);
		cr_expect_eq(memcmp(dst, ref, sizeof(dst)), 0, "n=%zu", n);
	}
}

Test(rt_string, memset_value_truncated_to_byte)
{
	unsigned char b[40];

	memset(b, 0, sizeof(b));
	cr_expect_eq(ksh_memset(b + 2, 0x1ab, 30), b + 2);
	for (size_t i = 0; i < sizeof(b); i++)
		cr_expect_eq(b[i], (i >= 2 && i < 32) ? 0xab : 0, "i=%zu", i);
}

Test(rt_string, memmove_overlap)
{
	unsigned char a[100], r[100];

	for (int shift = -9; shift <= 9; shift++) {
		fill_pattern(a, sizeof(a));
		fill_pattern(r, sizeof(r));
		cr_expect_eq(ksh_memmove(a + 20 + shift, a + 20, 50),
			     a + 20 + shift);
		memmove(r + 20 + shift, r + 20, 50);
		cr_expect_eq(memcmp(a, r, sizeof(a)), 0, "shift=%d", shift);
	}
	/* zero length, and dst == src */
	cr_expect_eq(ksh_memmove(a, a + 5, 0), a);
	cr_expect_eq(ksh_memmove(a, a, 10), a);
	cr_expect_eq(memcmp(a, r, sizeof(a)), 0);
}

/* The direction flag must be clear again after a backward move (psABI):
 * a following forward copy proves it. */
Test(rt_string, memmove_backward_restores_df)
{
	char a[16] = "abcdefgh";
	char b[16];

	ksh_memmove(a + 2, a, 6);
	cr_expect_eq(memcmp(a, "ababcdef", 8), 0);
	ksh_memcpy(b, "0123456789", 11);
	cr_expect_str_eq(b, "0123456789");
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

Test(rt_string, compare)
{
	static const char *const s[] = {"",    "a", "ab",   "abc",
					"abd", "b", "\xff", "ab\xff"};

	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		for (size_t j = 0; j < sizeof(s) / sizeof(s[0]); j++) {
			cr_expect_eq(ksh_strcmp(s[i], s[j]),
				     sign(strcmp(s[i], s[j])), "%zu %zu", i, j);
			cr_expect_eq(ksh_strncmp(s[i], s[j], 2),
				     sign(strncmp(s[i], s[j], 2)));
			cr_expect_eq(ksh_memcmp(s[i], s[j], 1),
				     sign(memcmp(s[i], s[j], 1)));
		}
	}
	cr_expect_eq(ksh_memcmp("abc", "abd", 0), 0);
}

Test(rt_string, lengths)
{
	cr_expect_eq(ksh_strlen(""), 0);
	cr_expect_eq(ksh_strlen("native"), 6);
	cr_expect_eq(ksh_strnlen("native", 3), 3);
	cr_expect_eq(ksh_strnlen("native", 60), 6);
	cr_expect_eq(ksh_strnlen("", 4), 0);
}

Test(rt_string, strstr)
{
	const char *h = "hostile_mem_lapic";

	cr_expect_eq(ksh_strstr(h, "lapic"), h + 12);
	cr_expect_eq(ksh_strstr(h, "mem"), h + 8);
	cr_expect_null(ksh_strstr(h, "high"));
	cr_expect_null(ksh_strstr(h, "lapicx"));
	cr_expect_eq(ksh_strstr(h, ""), h);
	cr_expect_null(ksh_strstr("", "a"));
}
