// SPDX-License-Identifier: MIT
/* Choice of the hypercall instruction (see ksh/rt/hypercall.h). */
#include <ksh/rt/cpu.h>
#include <ksh/rt/hypercall.h>

unsigned char ksh_rt_hc_vmcall;

void ksh_rt_hc_init(void)
{
	/* CPUID leaf 0: vendor string in EBX, EDX, ECX (SDM vol. 2A CPUID).
	 * "GenuineIntel" = 0x756e6547 "Genu", 0x49656e69 "ineI",
	 * 0x6c65746e "ntel". */
	struct ksh_cpuid v = ksh_cpuid(0, 0);

	ksh_rt_hc_vmcall = v.ebx == 0x756e6547u && v.edx == 0x49656e69u &&
			   v.ecx == 0x6c65746eu;
}
