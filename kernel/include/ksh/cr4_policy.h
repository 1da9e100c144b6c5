/* SPDX-License-Identifier: MIT */
/*
 * Which CR4 bits a guest may set, and whether one MOV to CR4 is legal
 * (Intel SDM vol. 3A 2.5 "Control Registers", vol. 2B "MOV - Move to/from
 * Control Registers"; AMD APM vol. 2 3.1.3 and 15.9). A bit is allowed
 * exactly when the feature that defines it is visible in the guest's
 * (filtered) CPUID: a guest cannot turn on what it was told is absent,
 * such as PKE (whose PKRU is not switched between domains) or OSXSAVE
 * (XSAVE is hidden). Pure, unit-tested (kernel/arch/x86_64/emul/cr4_policy.c).
 */
#ifndef KSH_CR4_POLICY_H
#define KSH_CR4_POLICY_H

#include <stdbool.h>
#include <stdint.h>

/* CR4 bits (SDM vol. 3A fig. 2-7; APM vol. 2 fig. 3-7). */
#define CR4_VME	       (1ull << 0)
#define CR4_PVI	       (1ull << 1)
#define CR4_TSD	       (1ull << 2)
#define CR4_DE	       (1ull << 3)
#define CR4_PSE	       (1ull << 4)
#define CR4_PAE	       (1ull << 5)
#define CR4_MCE	       (1ull << 6)
#define CR4_PGE	       (1ull << 7)
#define CR4_PCE	       (1ull << 8)
#define CR4_OSFXSR     (1ull << 9)
#define CR4_OSXMMEXCPT (1ull << 10)
#define CR4_UMIP       (1ull << 11)
#define CR4_LA57       (1ull << 12)
#define CR4_VMXE       (1ull << 13)
#define CR4_SMXE       (1ull << 14)
#define CR4_FSGSBASE   (1ull << 16)
#define CR4_PCIDE      (1ull << 17)
#define CR4_OSXSAVE    (1ull << 18)
#define CR4_KL	       (1ull << 19)
#define CR4_SMEP       (1ull << 20)
#define CR4_SMAP       (1ull << 21)
#define CR4_PKE	       (1ull << 22)
#define CR4_CET	       (1ull << 23)
#define CR4_PKS	       (1ull << 24)

/* The guest's CPUID words the allowed set is derived from: leaf 1 ECX
 * and EDX, leaf 7 subleaf 0 EBX and ECX, all after cpuid_filter(). */
struct cr4_cpuid {
	uint32_t l1_ecx, l1_edx, l7_ebx, l7_ecx;
};

/* The CR4 bits a guest with that CPUID may set. */
uint64_t cr4_allowed(const struct cr4_cpuid *c);

/* One MOV to CR4 as the vendor code saw it. */
struct cr4_write {
	uint64_t old, value; /* CR4 before, and the operand */
	uint64_t cr3;	     /* CR3 at the write (PCIDE check) */
	bool long_mode;	     /* EFER.LMA */
	uint32_t cpl;
};

/* NULL when the write is legal under `allowed`; otherwise why the CPU
 * (or the CPU the guest was shown) raises #GP(0) for it. */
const char *cr4_check(const struct cr4_write *w, uint64_t allowed);

/* Does going from old to new CR4 require flushing the guest's TLB? A
 * change of PGE, PAE, PSE, SMEP, SMAP, PKE, LA57, or clearing PCIDE does
 * (SDM vol. 3A 4.10.4.1). */
bool cr4_flushes_tlb(uint64_t old, uint64_t value);

/* Kernel only (kernel/arch/x86_64/emul/cr4_guest.c): cr4_allowed() of this CPU's
 * CPUID as cpuid_filter() shows it to guests. */
uint64_t cr4_guest_allowed(void);

#endif /* KSH_CR4_POLICY_H */
