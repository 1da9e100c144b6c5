// SPDX-License-Identifier: MIT
/*
 * The guest CR4 policy (ksh/cr4_policy.h). Each CR4 bit is tied to the
 * CPUID bit that enumerates it (SDM vol. 3A 2.5, each bit's description;
 * AMD APM vol. 2 3.1.3 and CPUID spec #25481), so the allowed set
 * follows cpuid_filter() by construction: hiding a
 * feature there refuses its CR4 bit here. VMXE, SMXE (no nested
 * virtualization), KL (Key Locker's wrapping key is not switched) and all
 * reserved bits are never allowed.
 */
#include <ksh/cr4_policy.h>

#include <stddef.h>

/* Leaf 1 EDX */
#define L1D_VME	 (1u << 1)
#define L1D_DE	 (1u << 2)
#define L1D_PSE	 (1u << 3)
#define L1D_TSC	 (1u << 4)
#define L1D_PAE	 (1u << 6)
#define L1D_MCE	 (1u << 7)
#define L1D_PGE	 (1u << 13)
#define L1D_FXSR (1u << 24)
#define L1D_SSE	 (1u << 25)
/* Leaf 1 ECX */
#define L1C_PCID  (1u << 17)
#define L1C_XSAVE (1u << 26)
/* Leaf 7.0 EBX */
#define L7B_FSGSBASE (1u << 0)
#define L7B_SMEP     (1u << 7)
#define L7B_SMAP     (1u << 20)
/* Leaf 7.0 ECX */
#define L7C_UMIP   (1u << 2)
#define L7C_PKU	   (1u << 3)
#define L7C_CET_SS (1u << 7)
#define L7C_LA57   (1u << 16)
#define L7C_PKS	   (1u << 31)

struct cr4_bit {
	uint64_t cr4;
	uint8_t word; /* 0 l1_ecx, 1 l1_edx, 2 l7_ebx, 3 l7_ecx; 4 always */
	uint32_t cpuid;
};

static const struct cr4_bit cr4_bits[] = {
    {CR4_VME, 1, L1D_VME},
    {CR4_PVI, 1, L1D_VME}, /* PVI comes with VME (SDM 20.4) */
    {CR4_TSD, 1, L1D_TSC},
    {CR4_DE, 1, L1D_DE},
    {CR4_PSE, 1, L1D_PSE},
    {CR4_PAE, 1, L1D_PAE},
    {CR4_MCE, 1, L1D_MCE},
    {CR4_PGE, 1, L1D_PGE},
    {CR4_PCE, 4, 0}, /* architectural since the P6 family */
    {CR4_OSFXSR, 1, L1D_FXSR},
    {CR4_OSXMMEXCPT, 1, L1D_SSE},
    {CR4_UMIP, 3, L7C_UMIP},
    {CR4_LA57, 3, L7C_LA57},
    {CR4_FSGSBASE, 2, L7B_FSGSBASE},
    {CR4_PCIDE, 0, L1C_PCID},
    {CR4_OSXSAVE, 0, L1C_XSAVE},
    {CR4_SMEP, 2, L7B_SMEP},
    {CR4_SMAP, 2, L7B_SMAP},
    {CR4_PKE, 3, L7C_PKU},
    {CR4_CET, 3, L7C_CET_SS},
    {CR4_PKS, 3, L7C_PKS},
};

uint64_t cr4_allowed(const struct cr4_cpuid *c)
{
	const uint32_t words[4] = {c->l1_ecx, c->l1_edx, c->l7_ebx, c->l7_ecx};
	uint64_t mask = 0;

	for (unsigned i = 0; i < sizeof(cr4_bits) / sizeof(cr4_bits[0]); i++) {
		const struct cr4_bit *b = &cr4_bits[i];

		if (b->word == 4 || (words[b->word] & b->cpuid))
			mask |= b->cr4;
	}
	return mask;
}

const char *cr4_check(const struct cr4_write *w, uint64_t allowed)
{
	uint64_t v = w->value, changed = w->old ^ w->value;

	/* MOV to CR is privileged (SDM vol. 2B MOV CR: #GP(0) at CPL>0). */
	if (w->cpl != 0)
		return "not at CPL 0";
	if (v & ~allowed)
		return "sets a bit the guest's CPUID does not offer";
	/* IA-32e mode needs PAE and cannot switch paging depth (SDM vol.
	 * 3A 4.1.2, 2.5: "clearing PAE ... in IA-32e mode", LA57). */
	if (w->long_mode && !(v & CR4_PAE))
		return "clears PAE in long mode";
	if (w->long_mode && (changed & CR4_LA57))
		return "changes LA57 in long mode";
	/* Setting PCIDE needs IA-32e mode and CR3[11:0] = 0 (SDM 4.10.1). */
	if ((changed & CR4_PCIDE) && (v & CR4_PCIDE) &&
	    (!w->long_mode || (w->cr3 & 0xFFF)))
		return "sets PCIDE outside long mode or with CR3[11:0] != 0";
	return NULL;
}

bool cr4_flushes_tlb(uint64_t old, uint64_t value)
{
	const uint64_t paging = CR4_PGE | CR4_PAE | CR4_PSE | CR4_SMEP |
				CR4_SMAP | CR4_PKE | CR4_LA57;
	uint64_t changed = old ^ value;

	return (changed & paging) ||
	       ((changed & CR4_PCIDE) && !(value & CR4_PCIDE));
}
