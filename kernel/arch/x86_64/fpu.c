// SPDX-License-Identifier: MIT
/*
 * Host side of the x87/SSE switch (ksh/fpu.h), vendor-neutral: both the
 * SVM and the VMX backend leave these registers live across guest entry
 * and exit.
 */
#include "x86_64.h"

#include <ksh/fpu.h>
#include <ksh/kprintf.h>

#define CR0_EM	       (1ull << 2)
#define CR0_TS	       (1ull << 3)
#define CR4_OSFXSR     (1ull << 9)
#define CR4_OSXMMEXCPT (1ull << 10)
#define CR4_OSXSAVE    (1ull << 18)
#define L1_EDX_FXSR    (1u << 24)
#define L1_ECX_XSAVE   (1u << 26)
#define XCR0_X87       (1ull << 0)
#define XCR0_SSE       (1ull << 1)

static inline void xsetbv(uint32_t index, uint64_t v)
{
	__asm__ volatile("xsetbv"
			 :
			 : "c"(index), "a"((uint32_t)v),
			   "d"((uint32_t)(v >> 32)));
}

int arch_fpu_init(const char **why)
{
	struct cpuid_regs r = cpuid(1, 0);

	if (!(r.edx & L1_EDX_FXSR)) {
		*why = "CPU lacks FXSAVE/FXRSTOR (CPUID.1:EDX.FXSR)";
		return -1;
	}
	/* FXSAVE/FXRSTOR raise #NM with CR0.TS set and #UD with CR0.EM set
	 * (SDM vol. 2A FXSAVE, "Protected Mode Exceptions"). */
	write_cr0((read_cr0() & ~(CR0_TS | CR0_EM)) | CR0_MP);
	/* Without CR4.OSFXSR, FXSAVE/FXRSTOR may leave out MXCSR and the
	 * XMM registers (SDM vol. 1 10.5.1; APM vol. 2 3.1.3): exactly the
	 * state that must move with the vCPU. */
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	/* XCR0 is not switched by VMRUN or VM entry either: whatever the
	 * host holds, the guest runs with (APM vol. 2 15.5.1; SDM vol. 3C
	 * 26.3.2 does not load it). Firmware may have enabled AVX or more
	 * state there; pin it to x87|SSE, which is all FXSAVE covers (SDM
	 * vol. 1 13.3), so no guest can hold YMM/ZMM/PKRU state the switch
	 * would miss. Guests cannot change it: XSETBV always exits and the
	 * exit handler stops the domain. */
	if (r.ecx & L1_ECX_XSAVE) {
		write_cr4(read_cr4() | CR4_OSXSAVE);
		xsetbv(0, XCR0_X87 | XCR0_SSE);
	}
	kprintf("ksh: FPU: x87/SSE state switched per vCPU (FXSAVE), "
		"XCR0 %s\n",
		(r.ecx & L1_ECX_XSAVE) ? "pinned to x87|SSE" : "absent");
	return 0;
}

void arch_fpu_save(struct fpu_area *a)
{
	__asm__ volatile("fxsave64 %0" : "=m"(*a));
}

void arch_fpu_load(const struct fpu_area *a)
{
	__asm__ volatile("fxrstor64 %0" : : "m"(*a));
}

/* AMD FXSAVE stores FIP, FDP and FOP only when FSW.ES is set, and FXRSTOR
 * loads them only then; otherwise the values of the last x87 instruction
 * executed stay live and the next owner's FXSAVE or FNSTENV reads them
 * (AMD APM vol. 5, FXSAVE/FXRSTOR; CVE-2006-1056, Xen XSA-172). One x87
 * load of a kernel constant overwrites all three. FNCLEX first, so a
 * pending unmasked exception of the last owner does not fire on it (SDM
 * vol. 1 8.6); EMMS empties the tag word, so the load cannot overflow
 * the stack. FXRSTOR then replaces every register the load touched. */
void arch_fpu_scrub_ptrs(void)
{
	static const uint32_t zero;

	__asm__ volatile("fnclex\n\temms\n\tfildl %0" : : "m"(zero));
}
