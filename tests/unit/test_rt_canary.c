// SPDX-License-Identifier: MIT
/* The stack-protector canary mixer (runtime/native/canary_mix.c). */
#include <criterion/criterion.h>
#include <ksh/rt/stack_guard.h>

Test(rt_canary, never_zero_low_byte_zero)
{
	for (uint64_t i = 0; i < 4096; i++) {
		uint64_t c = ksh_rt_canary_mix(i, i * 7, ~i);

		cr_assert_neq(c, 0);
		cr_assert_eq(c & 0xFF, 0, "low byte of %llx",
			     (unsigned long long)c);
	}
	cr_assert_neq(ksh_rt_canary_mix(0, 0, 0), 0);
}

Test(rt_canary, every_input_matters)
{
	/* Two domains started at the same TSC differ by their id; one TSC
	 * tick apart gives an unrelated canary (at least 16 of the 56 free
	 * bits differ). */
	uint64_t base = ksh_rt_canary_mix(1000, 5, 0x1ff000);
	uint64_t other[] = {
	    ksh_rt_canary_mix(1001, 5, 0x1ff000),
	    ksh_rt_canary_mix(1000, 5 ^ (1ull << 48), 0x1ff000),
	    ksh_rt_canary_mix(1000, 5, 0x1fe000),
	};

	for (unsigned i = 0; i < 3; i++)
		cr_assert_geq(__builtin_popcountll(base ^ other[i]), 16,
			      "input %u: %llx vs %llx", i,
			      (unsigned long long)base,
			      (unsigned long long)other[i]);
}
