// SPDX-License-Identifier: MIT
/*
 * What a guest's CPUID shows: the host's answer with everything the
 * kernel does not virtualize hidden (AMD CPUID spec #25481; Intel SDM
 * vol. 2A CPUID). Pure, unit-tested.
 */
#include <ksh/cpuid_filter.h>

/* Leaf 1 ECX/EDX bits. */
#define L1_ECX_MONITOR (1u << 3)
#define L1_ECX_VMX     (1u << 5)
#define L1_ECX_SMX     (1u << 6)
#define L1_ECX_PDCM    (1u << 15)
#define L1_ECX_X2APIC  (1u << 21)
#define L1_ECX_TSC_DL  (1u << 24)
#define L1_ECX_HV      (1u << 31)
#define L1_EDX_MCE     (1u << 7)
#define L1_EDX_MTRR    (1u << 12)
#define L1_EDX_MCA     (1u << 14)
#define L1_EDX_ACPI    (1u << 22)
#define L1_EDX_HTT     (1u << 28)
/* Extended leaf 0x80000001 ECX. */
#define E1_ECX_SVM  (1u << 2)
#define E1_ECX_SKIN (1u << 12)
#define E1_ECX_WDT  (1u << 13)

#define HV_LEAF_BASE 0x40000000u

void cpuid_filter(uint32_t leaf, uint32_t subleaf, uint32_t r[4])
{
	(void)subleaf;
	switch (leaf) {
	case 1:
		/* APIC ID 0, one logical CPU: the domain sees one vCPU. */
		r[1] &= 0x0000FFFFu;
		r[1] |= 1u << 16;
		/* No MONITOR/MWAIT (intercepted), no VMX/SMX (not nested),
		 * no x2APIC or TSC deadline (no virtual APIC yet), no
		 * performance or machine-check MSRs (all denied); say a
		 * hypervisor is present. */
		r[2] &= ~(L1_ECX_MONITOR | L1_ECX_VMX | L1_ECX_SMX |
			  L1_ECX_PDCM | L1_ECX_X2APIC | L1_ECX_TSC_DL);
		r[2] |= L1_ECX_HV;
		r[3] &= ~(L1_EDX_MCE | L1_EDX_MCA | L1_EDX_MTRR | L1_EDX_ACPI |
			  L1_EDX_HTT);
		break;
	case 5:	   /* MONITOR/MWAIT */
	case 6:	   /* thermal and power */
	case 0xA:  /* architectural performance monitoring */
	case 0xB:  /* x2APIC topology */
	case 0x1F: /* v2 topology */
		r[0] = r[1] = r[2] = r[3] = 0;
		break;
	case HV_LEAF_BASE:
		/* Hypervisor vendor leaf: "KshKshKshKsh", no further
		 * hypervisor leaves. */
		r[0] = HV_LEAF_BASE;
		r[1] = 0x4B68734B; /* "KshK" */
		r[2] = 0x734B6873; /* "shKs" */
		r[3] = 0x68734B68; /* "hKsh" */
		break;
	case 0x80000001:
		r[2] &= ~(E1_ECX_SVM | E1_ECX_SKIN | E1_ECX_WDT);
		break;
	case 0x8000000A: /* SVM features: not nested */
		r[0] = r[1] = r[2] = r[3] = 0;
		break;
	default:
		if (leaf > HV_LEAF_BASE && leaf < 0x80000000u)
			r[0] = r[1] = r[2] = r[3] = 0;
		break;
	}
}
