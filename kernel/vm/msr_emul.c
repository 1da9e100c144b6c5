// SPDX-License-Identifier: MIT
/*
 * The MSRs and CPUID leaves a Linux domain sees (ksh/vdom.h). Pure,
 * unit-tested (tests/unit/test_msr_emul.c).
 *
 * One consistent set: what CPUID shows is what the MSRs back.
 *   - Switched by the CPU, never intercepted (svm_vcpu.c's MSR permission
 *     map): FS/GS/KernelGS base, STAR/LSTAR/CSTAR/SFMASK, SYSENTER_*
 *     (VMLOAD/VMSAVE, AMD APM vol. 2 15.5.2) and PAT (VMCB G_PAT, 15.25.8).
 *   - Held by the vendor control block: EFER (vcpu_ops->msr_access).
 *   - Emulated here, read-only: TSC (the host counter the guest's RDTSC
 *     reads too), MTRRcap = 0 and MTRRdefType = WB with MTRRs enabled
 *     (no ranges: all of RAM write-back, Intel SDM vol. 3A 11.11.1-2),
 *     the microcode patch level (0), the K8 interrupt pending message
 *     register (0: no C1E, which Linux reads unguarded on CPUs with AMD
 *     erratum 400, BKDG for family 0Fh 10.2) and MISC_ENABLE (fast strings only,
 *     SDM vol. 4 2.1). A write to the patch-level MSR is accepted and
 *     ignored (Intel's "write 0, then CPUID" revision read, SDM 3A
 *     9.11.7.1); other writes fault.
 *   - Everything else: #GP, as a CPU without the MSR does. Never passed
 *     through.
 * CPUID hides what these MSRs refuse: the local APIC (and x2APIC, TSC
 * deadline), MTRRs, machine check, performance counters (core, NB, LLC,
 * IBS, PDCM), speculation-control and TSC_ADJUST MSRs, MONITORX, and
 * topology extensions (cpuid_filter.c hides the rest for every domain).
 * Linux then runs on the 8259A and 8254 (`nolapic noapic acpi=off`).
 */
#include <ksh/vdom.h>

#define MSR_TSC		  0x10u
#define MSR_PATCH_LEVEL	  0x8Bu /* AMD PATCH_LEVEL, Intel BIOS_SIGN_ID */
#define MSR_MTRRCAP	  0xFEu
#define MSR_MISC_ENABLE	  0x1A0u
#define MSR_MTRR_DEF_TYPE 0x2FFu
#define MSR_INT_PENDING	  0xC0010055u /* AMD K8 interrupt pending message */

#define MISC_ENABLE_FAST_STRING 0x1ull
#define MTRR_DEF_ENABLE		(1ull << 11)
#define MTRR_TYPE_WB		6ull

int msr_emul_read(uint32_t index, uint64_t tsc, uint64_t *val)
{
	switch (index) {
	case MSR_TSC:
		*val = tsc;
		return 0;
	case MSR_PATCH_LEVEL:
	case MSR_MTRRCAP:
	case MSR_INT_PENDING:
		*val = 0;
		return 0;
	case MSR_MISC_ENABLE:
		*val = MISC_ENABLE_FAST_STRING;
		return 0;
	case MSR_MTRR_DEF_TYPE:
		*val = MTRR_DEF_ENABLE | MTRR_TYPE_WB;
		return 0;
	default:
		return 1;
	}
}

int msr_emul_write(uint32_t index, uint64_t val)
{
	(void)val;
	return index == MSR_PATCH_LEVEL ? 0 : 1;
}

/* Leaf 1 EDX, 0x80000001 EDX: on-chip APIC (bit 9). */
#define EDX_APIC (1u << 9)
/* Leaf 7 subleaf 0. */
#define L7_EBX_TSC_ADJUST (1u << 1)
#define L7_EDX_SPEC_MASK                                                       \
	((1u << 26) | (1u << 27) | (1u << 29) |                                \
	 (1u << 31)) /* IBRS, STIBP,   \
							       ARCH_CAP,      \
							       SSBD */
/* 0x80000001 ECX: IBS, TOPOEXT, PerfCtrExtCore/NB, PerfCtrExtLLC,
 * MONITORX. */
#define E1_ECX_HIDE                                                            \
	((1u << 10) | (1u << 22) | (1u << 23) | (1u << 24) | (1u << 28) |      \
	 (1u << 29))
/* 0x80000008 EBX: IBPB, IBRS, STIBP, SSBD, VIRT_SSBD (AMD spec. ctrl). */
#define E8_EBX_SPEC_MASK                                                       \
	((1u << 12) | (1u << 14) | (1u << 15) | (1u << 24) | (1u << 25))

void vdom_cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	switch (leaf) {
	case 1:
		r[3] &= ~EDX_APIC;
		break;
	case 7:
		if (sub == 0) {
			r[1] &= ~L7_EBX_TSC_ADJUST;
			r[3] &= ~L7_EDX_SPEC_MASK;
		}
		break;
	case 0x80000001:
		r[2] &= ~E1_ECX_HIDE;
		r[3] &= ~EDX_APIC;
		break;
	case 0x80000008:
		r[1] &= ~E8_EBX_SPEC_MASK;
		break;
	case 0x8000001E: /* topology extensions (hidden above) */
		r[0] = r[1] = r[2] = r[3] = 0;
		break;
	default:
		break;
	}
}
