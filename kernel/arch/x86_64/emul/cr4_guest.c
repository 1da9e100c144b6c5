// SPDX-License-Identifier: MIT
/*
 * The CR4 bits guests may set on this CPU (ksh/cr4_policy.h): those
 * whose feature the filtered CPUID shows. Computed once; the host's
 * CPUID does not change.
 */
#include <arch/arch.h>
#include <ksh/cpuid_filter.h>
#include <ksh/cr4_policy.h>

uint64_t cr4_guest_allowed(void)
{
	static uint64_t allowed;
	static bool known;
	uint32_t l1[4], l7[4];

	if (known)
		return allowed;
	arch_cpuid(1, 0, l1);
	cpuid_filter(1, 0, l1);
	arch_cpuid(0, 0, l7);
	if (l7[0] >= 7) {
		arch_cpuid(7, 0, l7);
		cpuid_filter(7, 0, l7);
	} else {
		l7[1] = l7[2] = 0;
	}
	allowed = cr4_allowed(&(struct cr4_cpuid){
	    .l1_ecx = l1[2],
	    .l1_edx = l1[3],
	    .l7_ebx = l7[1],
	    .l7_ecx = l7[2],
	});
	known = true;
	return allowed;
}
