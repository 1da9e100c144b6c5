// SPDX-License-Identifier: MIT
/*
 * The per-vCPU x87/SSE state (kernel/arch/x86_64/emul/fpu_state.c) starts from the
 * architectural reset image, and the CPUID filter hides every feature
 * whose state FXSAVE would not switch (kernel/arch/x86_64/emul/cpuid_filter.c).
 */
#include <criterion/criterion.h>
#include <stddef.h>
#include <string.h>

#include <ksh/cpuid_filter.h>
#include <ksh/fpu.h>

Test(fpu, reset_image_is_architectural)
{
	struct fpu_area a;

	memset(&a, 0xA5, sizeof(a));
	fpu_area_reset(&a);
	cr_assert_eq(sizeof(a), 512);
	cr_assert_eq(_Alignof(struct fpu_area), 16);
	cr_assert_eq(a.bytes[0] | a.bytes[1] << 8, 0x037F, "FCW");
	cr_assert_eq(a.bytes[24] | a.bytes[25] << 8, 0x1F80, "MXCSR");
	for (size_t i = 0; i < sizeof(a); i++)
		if (i != 0 && i != 1 && i != 24 && i != 25)
			cr_assert_eq(a.bytes[i], 0, "byte %zu left over", i);
}

Test(fpu, cpuid_hides_state_beyond_fxsave)
{
	uint32_t r[4] = {~0u, ~0u, ~0u, ~0u};

	cpuid_filter(1, 0, r);
	cr_assert_eq(r[2] & (1u << 26), 0, "XSAVE shown");
	cr_assert_eq(r[2] & (1u << 27), 0, "OSXSAVE shown");
	cr_assert_eq(r[2] & (1u << 28), 0, "AVX shown");
	cr_assert_neq(r[3] & (1u << 24), 0, "FXSR hidden");
	cr_assert_neq(r[3] & (1u << 25), 0, "SSE hidden");
	r[0] = r[1] = r[2] = r[3] = ~0u;
	cpuid_filter(7, 0, r);
	cr_assert_eq(r[1] & (1u << 5), 0, "AVX2 shown");
	cr_assert_eq(r[1] & (1u << 16), 0, "AVX-512F shown");
	cr_assert_eq(r[2] & (1u << 3), 0, "PKU shown");
	cr_assert_eq(r[3] & (1u << 24), 0, "AMX shown");
	cr_assert_neq(r[1] & (1u << 0), 0, "FSGSBASE hidden too");
	r[0] = r[1] = r[2] = r[3] = ~0u;
	cpuid_filter(0xD, 0, r);
	cr_assert_eq(r[0] | r[1] | r[2] | r[3], 0, "XSAVE leaf shown");
	r[0] = r[1] = r[2] = r[3] = ~0u;
	cpuid_filter(0x80000001, 0, r);
	cr_assert_eq(r[2] & ((1u << 11) | (1u << 16)), 0, "XOP/FMA4 shown");
}
