/* SPDX-License-Identifier: MIT */
/*
 * Index masking against bounds-check bypass (Spectre variant 1, CVE-2017-
 * 5753). A guest-chosen index checked with `if (i < n)` can still reach
 * table[i] out of bounds while the CPU speculates past a mispredicted
 * check, and the loaded value can leave a trace in the cache. Every index
 * a guest chooses (channel handles, methods, events, BAR numbers) is
 * therefore also clamped after its check:
 *
 *     if (i >= n) return -KSH_EINVAL;
 *     i = ksh_index_nospec(i, n);
 *
 * The mask comes from CMP and SBB: the carry flag is a data dependency,
 * not a prediction, so the masked index is 0 on every path where i >= n,
 * speculative or not (Intel, "Analysis of Speculative Execution Side
 * Channels", bounds check bypass mitigation; AMD, "Software Techniques
 * for Managing Speculation on AMD Processors", mitigation V1-2).
 * A C comparison could be compiled into a branch and is not used.
 */
#ifndef KSH_NOSPEC_H
#define KSH_NOSPEC_H

#include <stdint.h>

/* All ones when index < size, else 0. size 0 gives 0. */
static inline uint64_t ksh_index_mask_nospec(uint64_t index, uint64_t size)
{
	uint64_t mask;

	/* CMP computes index - size: CF = 1 exactly when index < size
	 * (unsigned); SBB mask, mask then gives -CF. */
	__asm__("cmp %2, %1\n\tsbb %0, %0"
		: "=r"(mask)
		: "r"(index), "r"(size)
		: "cc");
	return mask;
}

/* index when index < size, else 0, on every execution path. */
static inline uint64_t ksh_index_nospec(uint64_t index, uint64_t size)
{
	return index & ksh_index_mask_nospec(index, size);
}

#endif /* KSH_NOSPEC_H */
