// SPDX-License-Identifier: MIT
/*
 * hostile_msr: reads and writes MSRs a guest must never reach. The kernel's
 * MSR permission map (AMD APM vol. 2 15.11 MSRPM; Intel SDM vol. 3C 25.6.9
 * MSR bitmaps) denies by default, so each must be intercepted and the
 * domain stopped at the first.
 *
 * Attempts, in this order:
 *   0 wrmsr EFER        0xc0000080 <- 0xd01  (SCE|LME|LMA|NXE: turns on
 *                                             SYSCALL, which it was not given)
 *   1 rdmsr APIC_BASE   0x0000001b
 *   2 wrmsr APIC_BASE   0x0000001b <- 0xfec00900 (moves the local APIC)
 *   3 rdmsr VM_HSAVE_PA 0xc0010117             (AMD APM vol. 2 15.30.4)
 *   4 wrmsr VM_HSAVE_PA 0xc0010117 <- 0        (host save area at 0)
 * A domain name containing "apic" starts at 1, "hsave" at 3.
 *
 * Serial lines:
 *   HOSTILE-MSR start=<k>
 *   HOSTILE-MSR attempt <k> wrmsr 0x<msr> value=0x<v>   (or: rdmsr 0x<msr>)
 * and nothing after that; if let through:
 *   HOSTILE-MSR FAIL survived <k> ...
 * then the next attempt, and at the end
 *   HOSTILE-MSR FAIL all attempts survived      (exit status 1)
 */
#include "guest_pick.h"
#include <ksh/rt/rt.h>

struct msr_attempt {
	int write;
	uint32_t msr;
	uint64_t value;
};

static const struct msr_attempt msr_attempts[] = {
    {1, 0xc0000080u, 0xd01}, {0, 0x1bu, 0},	  {1, 0x1bu, 0xfec00900u},
    {0, 0xc0010117u, 0},     {1, 0xc0010117u, 0},
};

static const struct guest_pick msr_picks[] = {
    {"apic", 1},
    {"hsave", 3},
};

int main(const struct ksh_native_info *info)
{
	int n = (int)(sizeof(msr_attempts) / sizeof(msr_attempts[0]));
	int first = guest_pick_first(info, msr_picks, 2);

	ksh_printf("HOSTILE-MSR start=%d\n", first);
	for (int i = first; i < n; i++) {
		const struct msr_attempt *a = &msr_attempts[i];
		uint32_t lo, hi;

		if (!a->write) {
			ksh_printf("HOSTILE-MSR attempt %d rdmsr 0x%x\n", i,
				   a->msr);
			__asm__ volatile("rdmsr"
					 : "=a"(lo), "=d"(hi)
					 : "c"(a->msr));
			ksh_printf(
			    "HOSTILE-MSR FAIL survived %d value=0x%x%08x\n", i,
			    hi, lo);
			continue;
		}
		ksh_printf("HOSTILE-MSR attempt %d wrmsr 0x%x value=0x%llx\n",
			   i, a->msr, (unsigned long long)a->value);
		__asm__ volatile("wrmsr" ::"c"(a->msr), "a"((uint32_t)a->value),
				 "d"((uint32_t)(a->value >> 32))
				 : "memory");
		ksh_printf("HOSTILE-MSR FAIL survived %d\n", i);
	}
	ksh_puts("HOSTILE-MSR FAIL all attempts survived");
	return 1;
}
