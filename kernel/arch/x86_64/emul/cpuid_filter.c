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
#define L1_ECX_FMA     (1u << 12)
#define L1_ECX_XSAVE   (1u << 26)
#define L1_ECX_OSXSAVE (1u << 27)
#define L1_ECX_AVX     (1u << 28)
#define L1_ECX_F16C    (1u << 29)
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
#define E1_ECX_XOP  (1u << 11)
#define E1_ECX_FMA4 (1u << 16)
/* Leaf 7 subleaf 0: everything that needs YMM/ZMM/opmask/tile or PKRU
 * state (Intel SDM vol. 2A Table 3-8; AMD CPUID spec #25481). */
#define L7_EBX_AVX_STATE                                                       \
	((1u << 5) /* AVX2 */ | (1u << 16) /* AVX512F */ |                     \
	 (1u << 17) /* DQ */ | (1u << 21) /* IFMA */ | (1u << 26) /* PF */ |   \
	 (1u << 27) /* ER */ | (1u << 28) /* CD */ | (1u << 30) /* BW */ |     \
	 (1u << 31) /* VL */)
#define L7_ECX_AVX_STATE                                                       \
	((1u << 1) /* VBMI */ | (1u << 3) /* PKU */ | (1u << 4) /* OSPKE */ |  \
	 (1u << 6) /* VBMI2 */ | (1u << 9) /* VAES */ |                        \
	 (1u << 10) /* VPCLMULQDQ */ | (1u << 11) /* VNNI */ |                 \
	 (1u << 12) /* BITALG */ | (1u << 14) /* VPOPCNTDQ */)
#define L7_EDX_AVX_STATE                                                       \
	((1u << 2) /* 4VNNIW */ | (1u << 3) /* 4FMAPS */ |                     \
	 (1u << 8) /* VP2INTERSECT */ | (1u << 22) /* AMX-BF16 */ |            \
	 (1u << 23) /* AVX512-FP16 */ | (1u << 24) /* AMX-TILE */ |            \
	 (1u << 25) /* AMX-INT8 */)

/* Leaf 7 subleaf 0: features whose state lives in MSRs or registers the
 * kernel neither switches nor lets a guest reach (CET: U_CET/S_CET and
 * the shadow-stack pointers; PKS: IA32_PKRS; Key Locker: the internal
 * wrapping key; user interrupts: the UINTR MSRs), so their CR4 bits are
 * refused too (ksh/cr4_policy.h; SDM vol. 1 17, vol. 3A 4.6.2). */
#define L7_ECX_UNSWITCHED                                                      \
	((1u << 7) /* CET_SS */ | (1u << 23) /* KL */ | (1u << 31) /* PKS */)
#define L7_EDX_UNSWITCHED ((1u << 5) /* UINTR */ | (1u << 20) /* CET_IBT */)

/* Leaf 7 subleaf 0: features a domain must not see at all. SGX: its
 * enclave page cache and ENCLS/ENCLU are not virtualized (leaf 0x12
 * describes them; SDM vol. 3D 34.7); SGX launch control with it. Intel
 * PT: trace MSRs and output regions are host-physical and unswitched
 * (leaf 0x14; SDM vol. 3C 33.3). TSX (HLE, RTM): transactional aborts
 * are the channel of TSX Asynchronous Abort (CVE-2019-11135), and the
 * kernel turns RTM off where IA32_TSX_CTRL lets it (ksh/spec_ctrl.h), so
 * a guest never learns of it. */
#define L7_EBX_HIDDEN                                                          \
	((1u << 2) /* SGX */ | (1u << 4) /* HLE */ | (1u << 11) /* RTM */ |    \
	 (1u << 25) /* PT */)
#define L7_ECX_HIDDEN (1u << 30) /* SGX_LC */

/* Cache topology: the domain has one vCPU, so no cache is shared with a
 * sibling it could name. Leaf 4 EAX[31:26] "cores per package - 1" and
 * EAX[25:14] "logical processors sharing this cache - 1" (SDM vol. 2A
 * CPUID leaf 4); leaf 0x8000001D EAX[25:14] NumSharingCache - 1 (AMD
 * CPUID spec #25481). The level, type and sizes stay the host's: they
 * are what the domain's code runs on. */
#define L4_EAX_TOPOLOGY (0x3Fu << 26 | 0xFFFu << 14)
#define E1D_EAX_SHARING (0xFFFu << 14)

#define HV_LEAF_BASE 0x40000000u

void cpuid_filter(uint32_t leaf, uint32_t subleaf, uint32_t r[4])
{
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
		/* No XSAVE and nothing needing state beyond FXSAVE's: the
		 * kernel switches only x87/SSE between domains and pins
		 * XCR0 to x87|SSE (ksh/fpu.h; SDM vol. 1 13.2). */
		r[2] &= ~(L1_ECX_XSAVE | L1_ECX_OSXSAVE | L1_ECX_AVX |
			  L1_ECX_F16C | L1_ECX_FMA);
		r[2] |= L1_ECX_HV;
		r[3] &= ~(L1_EDX_MCE | L1_EDX_MCA | L1_EDX_MTRR | L1_EDX_ACPI |
			  L1_EDX_HTT);
		break;
	case 7: /* structured extended features */
		if (subleaf == 0) {
			r[1] &= ~(L7_EBX_AVX_STATE | L7_EBX_HIDDEN);
			r[2] &= ~(L7_ECX_AVX_STATE | L7_ECX_UNSWITCHED |
				  L7_ECX_HIDDEN);
			r[3] &= ~(L7_EDX_AVX_STATE | L7_EDX_UNSWITCHED);
		} else {
			/* Subleaf 1 and up: AVX-VNNI, AVX512-BF16 and later
			 * extensions; none is virtualized. */
			r[0] = r[1] = r[2] = r[3] = 0;
		}
		break;
	case 4: /* deterministic cache parameters */
		r[0] &= ~L4_EAX_TOPOLOGY;
		break;
	case 0x8000001D: /* AMD cache topology */
		r[0] &= ~E1D_EAX_SHARING;
		break;
	case 0x8000001E:
		/* AMD extended APIC ID, core and node IDs: one core, ID 0
		 * (EBX[15:8] threads per core - 1, ECX[10:8] nodes - 1). */
		r[0] = 0;
		r[1] &= ~0xFFFFu;
		r[2] &= ~0x7FFu;
		break;
	case 0x12: /* SGX capabilities: SGX is hidden */
	case 0x14: /* processor trace: PT is hidden */
	case 0xD:  /* XSAVE state components: XSAVE is hidden */
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
		/* XOP and FMA4 are VEX-style encodings on YMM state. */
		r[2] &= ~(E1_ECX_SVM | E1_ECX_SKIN | E1_ECX_WDT | E1_ECX_XOP |
			  E1_ECX_FMA4);
		break;
	case 0x80000008:
		/* RDPRU (EBX[4]): reads MPERF/APERF at CPL 3, host counters
		 * VMRUN does not switch (a side channel). Intercepted and
		 * answered with #UD, so not offered (AMD APM vol. 3
		 * RDPRU; vol. 2 15.9). */
		r[1] &= ~(1u << 4);
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
