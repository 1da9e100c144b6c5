// SPDX-License-Identifier: MIT
/* The canary mixer (ksh/rt/stack_guard.h). Pure, unit-tested. */
#include <ksh/rt/stack_guard.h>

/* splitmix64's output function (Steele, Lea, Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014): every input bit affects
 * every output bit, so readings that differ in a few low bits (TSC) still
 * give unrelated canaries. */
static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

uint64_t ksh_rt_canary_mix(uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t v = mix64(a + 0x9E3779B97F4A7C15ull);

	v = mix64(v ^ b);
	v = mix64(v ^ c);
	v &= ~0xFFull; /* a terminating NUL byte, as glibc's canary */
	return v != 0 ? v : 0x5A17C0DE00ull;
}
